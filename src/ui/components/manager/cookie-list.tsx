import type { ComponentChild } from 'preact';
import type { RefObject } from 'preact';
import type { ListItem, RowItem, SiteItem } from '../../manager-model';
import type { VirtualRows } from '../../hooks/use-virtual-rows';
import type { RowActions } from '../cookie-group';
import { ManagerRow } from './manager-row';
import { SiteHeader } from './site-header';

/** Fixed heights of the virtual list's items (the CSS keeps them so); an open row is measured. */
export const SITE_HEIGHT = 30;
export const ROW_HEIGHT = 26;

export interface CookieListProps {
  items: readonly ListItem[];
  virtual: VirtualRows;
  now: number;
  openKey: string | undefined;
  selected: ReadonlySet<string>;
  protectedKeys: ReadonlySet<string>;
  actions: RowActions;
  onSelect: (key: string, shift: boolean) => void;
  onProtect: (item: RowItem, protect: boolean) => void;
  onProtectPattern: (site: string) => void;
  /** The element holding the rows (the keyboard moves between its `.row-head` buttons). */
  listRef: RefObject<HTMLDivElement | null>;
}

/**
 * Every cookie of the store as one flat, windowed list: only the items in view (and a few either
 * side) are in the DOM. The rendered items of one site are wrapped in its
 * `[data-testid="site-group"][data-site]` section, which carries the site's count, size and grade.
 */
export function CookieList(props: CookieListProps) {
  const { items, virtual, now, openKey, selected, protectedKeys, actions } = props;
  const { start, end } = virtual.window;
  const sections: { site: SiteItem | undefined; siteName: string; children: ComponentChild[] }[] = [];
  const siteOf = new Map<string, SiteItem>();
  for (const item of items.slice(0, end)) if (item.kind === 'site') siteOf.set(item.site, item);
  for (let i = start; i < end; i++) {
    const item = items[i];
    if (!item) continue;
    const siteName = item.site;
    let section = sections[sections.length - 1];
    if (!section || section.siteName !== siteName) {
      section = { site: siteOf.get(siteName), siteName, children: [] };
      sections.push(section);
    }
    section.children.push(
      item.kind === 'site' ? (
        <SiteHeader key={item.key} item={item} onProtectPattern={props.onProtectPattern} />
      ) : (
        <ManagerRow
          key={item.key}
          item={item}
          now={now}
          open={openKey === item.key}
          selected={selected.has(item.key)}
          locked={protectedKeys.has(item.key)}
          actions={actions}
          onSelect={props.onSelect}
          onProtect={props.onProtect}
          measure={virtual.measure}
        />
      ),
    );
  }
  return (
    <div class="mlist" ref={virtual.scroller} data-testid="cookie-list" data-items={items.length}>
      <div class="mlist-inner" style={{ height: `${virtual.total}px` }} ref={props.listRef}>
        <div class="mlist-window" style={{ transform: `translateY(${virtual.offset}px)` }}>
          {sections.map((s) => (
            <section
              key={s.siteName}
              class="site-group"
              data-testid="site-group"
              data-site={s.siteName}
              data-count={s.site?.total}
              data-shown={s.site?.shown}
              data-bytes={s.site?.bytes}
              data-grade={s.site?.summary.grade}
              aria-label={s.siteName}
            >
              {s.children}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
