import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { TabCookies } from '../../messages';
import type { Cookie } from '../../model/cookie';
import type { SetCookieEntry } from '../../model/set-cookie-entry';
import type { Connector, SetCookieLogSource } from '../connect/connector';
import { cookieFinder } from '../cookie-jump';
import { allCookies } from '../model';
import * as siteList from '../site-list';
import { type CookieFocus, CookieWorkbench } from './cookie-workbench';
import { type LogFocus, SetCookieLogView } from './set-cookie-log-view';
import { SiteSection } from './site-section';
import { t } from '../i18n';
import type { MessageId } from '../../i18n/msg';

type View = 'cookies' | 'log';
const VIEWS: ReadonlyArray<{ id: View; label: MessageId }> = [
  { id: 'cookies', label: 'view_cookies' },
  { id: 'log', label: 'view_log' },
];

/**
 * The DevTools panel: the page's cookies (the shared workbench, by site) and the Set-Cookie log, as
 * two tabs. A log entry jumps to the cookie it produced; a cookie row jumps back to its headers.
 */
export interface DevtoolsPanelProps {
  connector: Connector;
  logSource: SetCookieLogSource;
  /** Opens the manager page (every site's cookies). */
  onAllSites?: (() => void) | undefined;
}

export function DevtoolsPanel({ connector, logSource, onAllSites }: DevtoolsPanelProps) {
  const [view, setView] = useState<View>('cookies');
  const [cookies, setCookies] = useState<Cookie[]>([]);
  const [cookieFocus, setCookieFocus] = useState<CookieFocus | undefined>();
  const [logFocus, setLogFocus] = useState<LogFocus | undefined>();
  const nonce = useRef(0);
  const tabs = useRef<Record<View, HTMLButtonElement | null>>({ cookies: null, log: null });

  const onData = useCallback((data: TabCookies) => setCookies(allCookies(data)), []);
  // Asked for every entry of the log: the cookies are indexed once per load.
  const find = useMemo(() => cookieFinder(cookies), [cookies]);
  const produced = useCallback(
    (entry: SetCookieEntry) =>
      entry.cookie !== undefined &&
      entry.verdict !== 'deleted' &&
      entry.verdict !== 'rejected' &&
      find(entry.cookie) !== undefined,
    [find],
  );

  const onSelect = (entry: SetCookieEntry) => {
    if (!entry.cookie || !produced(entry)) return;
    setCookieFocus({ target: entry.cookie, nonce: ++nonce.current });
    setView('cookies');
  };
  const onShowHeaders = (cookie: Cookie) => {
    setLogFocus({ name: cookie.name, nonce: ++nonce.current });
    setView('log');
  };

  // Arrow keys move between the tabs (the ARIA tabs pattern).
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next: View = view === 'cookies' ? 'log' : 'cookies';
    setView(next);
    tabs.current[next]?.focus();
  };

  return (
    <div class="devtools-panel">
      <div class="view-tabs" role="tablist" aria-label={t('views')} onKeyDown={onTabKey}>
        {VIEWS.map(({ id, label }) => (
          <button
            key={id}
            ref={(el) => {
              tabs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={view === id}
            aria-controls={`view-${id}`}
            tabIndex={view === id ? 0 : -1}
            onClick={() => setView(id)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {/* Both views stay mounted, so switching keeps open rows, forms, filters and scroll positions. */}
      <div role="tabpanel" id="view-cookies" aria-labelledby="tab-cookies" hidden={view !== 'cookies'} class="view">
        <CookieWorkbench
          connector={connector}
          focus={cookieFocus}
          onShowHeaders={onShowHeaders}
          onData={onData}
          onAllSites={onAllSites}
          SiteSection={SiteSection}
          siteList={siteList}
          shown={view === 'cookies'}
        />
      </div>
      <div role="tabpanel" id="view-log" aria-labelledby="tab-log" hidden={view !== 'log'} class="view">
        <SetCookieLogView
          source={logSource}
          cookieShown={produced}
          onSelect={onSelect}
          focus={logFocus}
          shown={view === 'log'}
        />
      </div>
    </div>
  );
}
