import type { Group } from '../model';
import { CookieRow, type CookieRowProps } from './cookie-row';

/** What a row can do: the same for every row of the list. */
export type RowActions = Pick<
  CookieRowProps,
  'onToggle' | 'onEdit' | 'onDuplicate' | 'onDelete' | 'onShowHeaders' | 'onProtect'
> & {
  /** Whether a protection rule covers the cookie with this key (its row shows a lock). */
  isProtected?: ((key: string) => boolean) | undefined;
};

export interface CookieGroupProps {
  group: Group;
  now: number;
  /** The key of the open row, if any. */
  openKey: string | undefined;
  actions: RowActions;
  /** The page the rows belong to (for "Copy as" a command to that URL). */
  pageUrl?: string | undefined;
}

/** The cookies of one domain and path, under that heading. */
export function CookieGroup({ group, now, openKey, actions, pageUrl }: CookieGroupProps) {
  const { isProtected, ...rowActions } = actions;
  return (
    <section class="group" aria-label={group.label}>
      <h3>{group.label}</h3>
      <ul>
        {group.rows.map((row) => (
          <CookieRow
            key={row.key}
            row={row}
            now={now}
            open={openKey === row.key}
            pageUrl={pageUrl}
            {...rowActions}
            locked={isProtected?.(row.key) ?? false}
          />
        ))}
      </ul>
    </section>
  );
}
