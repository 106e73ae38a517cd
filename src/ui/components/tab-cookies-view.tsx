import { useEffect, useState } from 'preact/hooks';
import type { TabCookies } from '../../messages';
import { CookieTable } from './cookie-table';

export interface TabCookiesViewProps {
  /** Loads the cookies to show; the view is a function of what this returns. */
  load: () => Promise<TabCookies>;
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: TabCookies };

export function TabCookiesView({ load }: TabCookiesViewProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    load().then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [load]);

  if (state.status === 'loading') return <p aria-busy="true">Loading cookies…</p>;
  if (state.status === 'error') return <p role="alert">Could not read cookies: {state.message}</p>;
  return (
    <section>
      <p class="site">
        {state.data.tab.url} · {state.data.cookies.length} cookies
      </p>
      <CookieTable cookies={state.data.cookies} />
    </section>
  );
}
