import '../sheets.css';
import { useState } from 'preact/hooks';
import type { NotStoredHeader } from '../../messages';
import { IsolatedText } from './isolated-text';
import { distinctHeaders, notStoredCause, notStoredHeading } from '../not-stored-text';
import { cutMark } from '../set-cookie-filter';
import { t } from '../i18n';

/** The page's Set-Cookie headers that stored nothing, each with its cause; the explanation one click away. */
export function NotStoredBar({ entries }: { entries: readonly NotStoredHeader[] }) {
  const [open, setOpen] = useState<number | undefined>();
  const shown = distinctHeaders(entries);
  if (shown.length === 0) return null;
  return (
    <section class="not-stored" data-testid="not-stored" aria-label={t('not_stored_label')}>
      {notStoredHeading(shown.length)}:
      <ul>
        {shown.map((e) => (
          <li key={e.id} data-testid="not-stored-header" data-name={e.name} data-verdict={e.verdict}>
            <code class="isolate">{e.name || t('no_name')}</code>, {notStoredCause(e)}{' '}
            <button
              type="button"
              class="link"
              aria-expanded={open === e.id}
              aria-label={t('details_of', e.name || t('nameless_header'))}
              onClick={() => setOpen(open === e.id ? undefined : e.id)}
            >
              {`› ${t('details')}`}
            </button>
            {open === e.id && (
              <div class="why">
                <p class="mono isolate">
                  Set-Cookie: {e.header}
                  {cutMark(e.headerLength)}
                </p>
                <p>
                  <IsolatedText text={t(e.message)} parts={[e.name]} />
                </p>
                {e.hint && (
                  <p>
                    {t('fix_label')} <IsolatedText text={t(e.hint)} parts={[e.name]} />
                  </p>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
