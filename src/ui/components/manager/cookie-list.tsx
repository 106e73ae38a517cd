import type { ComponentChild } from 'preact';
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
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
  onProtectPattern: (site: string, otherSites: string[]) => void;
  /** The element holding the rows (the keyboard moves between its `.row-head` buttons). */
  listRef: RefObject<HTMLDivElement | null>;
}

/**
 * Sections are keyed by their site's place among the sites listed, rows by their place in their
 * site, both modulo this (not by site or cookie): when a keystroke changes which cookies are shown,
 * the sections and rows already in the DOM are updated in place instead of some 40 rows being removed
 * and as many built, and scrolling by a row still changes one. Unique among what is rendered while a
 * window holds fewer items than this (it holds a screenful and 8 more).
 */
const SLOTS = 512;

/** The cookie of the row holding `element`, and which of the row's controls it is. */
function focusedRow(element: Element | null): { key: string; control: string } | undefined {
  const row = element?.closest('.mrow');
  const key = row?.querySelector('[data-key]')?.getAttribute('data-key');
  if (!row || !key || !element) return undefined;
  const controls = [...row.querySelectorAll('button, input, a, [tabindex]')];
  return { key, control: String(controls.indexOf(element)) };
}

/**
 * Focus follows its cookie, not its slot: when the list changes under a focused row, the focus moves
 * to the same control of the row that now shows that cookie (or stays put when it is not rendered).
 */
function useFocusFollowsCookie(list: RefObject<HTMLDivElement | null>) {
  const before = typeof document === 'undefined' ? undefined : focusedRow(document.activeElement);
  useLayoutEffect(() => {
    if (!before) return;
    const now = focusedRow(document.activeElement);
    if (now?.key === before.key) return;
    const row = [...(list.current?.querySelectorAll('.mrow') ?? [])].find(
      (r) => r.querySelector('[data-key]')?.getAttribute('data-key') === before.key,
    );
    const control = row?.querySelectorAll<HTMLElement>('button, input, a, [tabindex]')[Number(before.control)];
    control?.focus();
  });
}

/**
 * Every cookie of the store as one flat, windowed list: only the items in view (and a few either
 * side) are in the DOM. The rendered items of one site are wrapped in its
 * `[data-testid="site-group"][data-site]` section, which carries the site's count, size and grade.
 */
export function CookieList(props: CookieListProps) {
  const { items, virtual, now, openKey, selected, protectedKeys, actions } = props;
  useFocusFollowsCookie(props.listRef);
  const { start, end } = virtual.window;
  const sections: {
    site: SiteItem | undefined;
    siteName: string;
    slot: number;
    at: number;
    children: ComponentChild[];
  }[] = [];
  // Each site's item and its place among the sites listed (its section's slot).
  const siteOf = new Map<string, { item: SiteItem; slot: number; at: number }>();
  for (let i = 0; i < end; i++) {
    const item = items[i];
    if (item?.kind === 'site') siteOf.set(item.site, { item, slot: siteOf.size % SLOTS, at: i });
  }
  for (let i = start; i < end; i++) {
    const item = items[i];
    if (!item) continue;
    const siteName = item.site;
    let section = sections[sections.length - 1];
    if (!section || section.siteName !== siteName) {
      const site = siteOf.get(siteName);
      section = { site: site?.item, siteName, slot: site?.slot ?? sections.length, at: site?.at ?? i, children: [] };
      sections.push(section);
    }
    section.children.push(
      item.kind === 'site' ? (
        <SiteHeader key="site" item={item} onProtectPattern={props.onProtectPattern} />
      ) : (
        <ManagerRow
          key={`r${(i - section.at) % SLOTS}`}
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
              key={`g${s.slot}`}
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
