import { errorText } from '../../error-text';
import { lazyModule } from '../hooks/use-lazy';
import { partitionText } from '../../model/cookie';
import { flagList } from '../format';
import { badgeText, flagMarks, rowAccessibleName, severityLetter, severityWord } from '../finding-text';
import type { Row } from '../model';
import { absoluteLocalTime, relativeTime } from '../time-text';
import type { RowBodyProps } from './cookie-row-body';
import { t } from '../i18n';
import { useId } from 'preact/hooks';

export interface CookieRowProps {
  row: Row;
  now: number;
  open: boolean;
  onToggle: (key: string) => void;
  onEdit: (row: Row) => void;
  onDuplicate: (row: Row) => void;
  onDelete: (row: Row) => void;
  /** DevTools panel only: show the Set-Cookie headers behind this cookie. */
  onShowHeaders?: (row: Row) => void;
  /** A protection rule covers the cookie: a lock shows it, and edits and deletes ask first. */
  locked?: boolean;
  /**
   * A protection rule covers the cookie and the caller shows the lock beside the row (the manager): the
   * row's accessible name says "protected", as `locked` does, without a lock of its own.
   */
  heardProtected?: boolean;
  /** Protect (`true`) or unprotect the cookie; absent: the row offers neither. */
  onProtect?: ((row: Row, on: boolean) => void) | undefined;
  /** The page's URL, for "Copy as" curl, HTTPie and fetch. */
  pageUrl?: string | undefined;
}

/**
 * An open row's body (actions, findings, details, value) is code the first screen does not run: it
 * loads once the list has rendered, when the browser is idle, so a row opened later shows it at once.
 */
const useRowBody = lazyModule(() => import('./cookie-row-body'));
let bodyAsked = false;
function prefetchRowBody() {
  if (bodyAsked) return;
  bodyAsked = true;
  const later = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
  later(() =>
    useRowBody.preload().catch(() => {
      // Tried again when a row opens (and by the next list).
      bodyAsked = false;
    }),
  );
}

function LazyRowBody(props: RowBodyProps) {
  const loaded = useRowBody();
  if (loaded) return <loaded.RowBody {...props} />;
  // Never an open row without its actions and no word why: a body that could not load says so.
  const failure = useRowBody.useFailure();
  return failure === undefined ? null : <p role="alert">{errorText(failure)}</p>;
}

function preview(value: string): string {
  return value.length > 48 ? `${value.slice(0, 47)}…` : value;
}

/** One cookie: a one-line summary, and when open its body (actions first, then findings, details and value). */
export function CookieRow(props: CookieRowProps) {
  const { row, now, open, onToggle, locked } = props;
  const heardLocked = (locked ?? false) || (props.heardProtected ?? false);
  const { cookie, findings } = row;
  const expiresMs = cookie.expirationDate !== undefined ? cookie.expirationDate * 1000 : undefined;
  const worst = findings[0]?.severity;
  const flags = flagList(cookie).join(' ');
  // Heard as "sid, 1 high, 2 medium", then its value and expiry as the description.
  const id = useId();
  prefetchRowBody();
  return (
    <li
      class={`row${open ? ' open' : ''}`}
      data-testid="cookie-row"
      data-key={row.key}
      data-name={cookie.name}
      data-domain={cookie.domain}
      data-path={cookie.path}
      data-partition={cookie.partitionKey ? partitionText(cookie.partitionKey) : undefined}
      data-protected={locked ? 'true' : undefined}
    >
      <button
        type="button"
        class="row-head"
        aria-expanded={open}
        aria-label={rowAccessibleName(cookie.name, findings, { locked: heardLocked })}
        aria-describedby={`${id}-value ${id}-expiry`}
        onClick={() => onToggle(row.key)}
      >
        <span
          class={`sevmark${worst ? ` sev-${worst}` : ''}`}
          title={worst ? t('worst_finding', severityWord(worst)) : t('no_findings')}
        >
          {worst ? severityLetter(worst) : ''}
        </span>
        <span class="name">
          {locked && (
            <span
              class="lock"
              data-testid="protected-lock"
              role="img"
              aria-label={t('protected')}
              title={t('protected_title')}
            >
              🔒
            </span>
          )}
          {cookie.name || t('no_name')}
        </span>
        <span class="value" id={`${id}-value`}>
          {preview(cookie.value)}
        </span>
        <span class="flags" title={flags || t('no_flags')}>
          {flagMarks(cookie)}
        </span>
        <span
          class="expiry"
          id={`${id}-expiry`}
          title={expiresMs !== undefined ? absoluteLocalTime(expiresMs) : t('session_title')}
        >
          {expiresMs !== undefined ? relativeTime(expiresMs, now) : t('session')}
        </span>
        <span class="badges">
          {findings.map((f) => (
            <span
              key={f.ruleId}
              class={`badge sev-${f.severity} mark-${f.severity}`}
              data-rule={f.ruleId}
              data-severity={f.severity}
              title={t('badge_title', severityWord(f.severity), t(f.title), f.ruleId)}
            >
              {badgeText(f.ruleId, f.title)}
            </span>
          ))}
        </span>
      </button>
      {open && <LazyRowBody {...props} />}
    </li>
  );
}
