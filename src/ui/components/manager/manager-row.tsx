import { useLayoutEffect, useRef } from 'preact/hooks';
import { type RowItem, rowPlace } from '../../manager-model';
import type { RowActions } from '../cookie-group';
import { CookieRow } from '../cookie-row';
import { t } from '../../i18n';
import { pure } from '../../pure';

export interface ManagerRowProps {
  item: RowItem;
  now: number;
  open: boolean;
  selected: boolean;
  locked: boolean;
  actions: RowActions;
  /** A click on the row's checkbox; `shift` extends from the last click. */
  onSelect: (key: string, shift: boolean) => void;
  onProtect: (item: RowItem, protect: boolean) => void;
  /** Reports the row's real height while it is open (0 when it closes). */
  measure: (key: string, height: number) => void;
}

/**
 * One cookie in the manager: a checkbox, the lock of a protected cookie, a partitioned mark, its
 * domain and path where they differ from its site's (`rowPlace`), the popup's own row (same data attributes, findings and actions) and Protect or Unprotect.
 * Rendered again only when one of its props changed (its callbacks keep their identity).
 */
export const ManagerRow = pure(function ManagerRow({
  item,
  now,
  open,
  selected,
  locked,
  actions,
  onSelect,
  onProtect,
  measure,
}: ManagerRowProps) {
  const self = useRef<HTMLDivElement>(null);
  const { cookie } = item;
  useLayoutEffect(() => {
    measure(item.key, open ? (self.current?.offsetHeight ?? 0) : 0);
  });
  useLayoutEffect(() => () => measure(item.key, 0), [item.key]);
  const label = cookie.name || t('no_name');
  const place = rowPlace(item);
  return (
    <div
      ref={self}
      class={`mrow${open ? ' open' : ''}${selected ? ' selected' : ''}`}
      data-site={item.site}
      data-protected={locked ? 'true' : undefined}
    >
      <input
        type="checkbox"
        class="select"
        aria-label={t('m_select_cookie', label, `${cookie.domain}${cookie.path}`)}
        checked={selected}
        onClick={(e) => onSelect(item.key, e.shiftKey)}
      />
      <span class="marks">
        {locked && (
          <span class="lock" data-testid="lock" title={t('m_protected_title')}>
            🔒
          </span>
        )}
        {cookie.partitionKey && (
          <span
            class="partitioned-mark"
            data-testid="partitioned-mark"
            title={t('m_partitioned_under', cookie.partitionKey.topLevelSite)}
          >
            {t('m_partitioned')}
          </span>
        )}
        {place && (
          <span class="place" data-testid="row-place" title={t('m_place_title', cookie.domain, cookie.path)}>
            {place}
          </span>
        )}
      </span>
      <ul class="mrow-cookie">
        <CookieRow row={item} now={now} open={open} heardProtected={locked} {...actions} />
      </ul>
      <button type="button" class="protect" onClick={() => onProtect(item, !locked)}>
        {locked ? t('unprotect') : t('protect')}
      </button>
    </div>
  );
});
