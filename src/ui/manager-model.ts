/**
 * The manager page's view logic as pure functions: every cookie of a store, searched and filtered,
 * as one flat list of site headers and rows (what the virtual list renders), ordered by site name or
 * weakest site first. Selection ranges and the wording of bulk results live here too.
 */
import type { SiteSummary } from '../core/audit';
import { namePattern } from '../core/name-pattern';
import { matchCookie, type SearchFilters, type SearchQuery } from '../core/search';
import type { BulkOutcome, ProtectRule, StoreCookies, StoreSiteGroup } from '../messages';
import { type Cookie, cookieKey, hostOfDomain } from '../model/cookie';
import { findingsByCookie, type Row, SEVERITY_ORDER } from './model';
import { cookieCount } from './outcome-text';
import { num, t } from './i18n';

export type SiteOrder = 'name' | 'weakest';

/** A site's heading in the flat list. */
export interface SiteItem {
  kind: 'site';
  key: string;
  site: string;
  summary: SiteSummary;
  bytes: number;
  /** Cookies of the site (all of them, not only those shown). */
  total: number;
  /** Cookies of the site the search and filters let through. */
  shown: number;
  partitioned: number;
  /** Sites whose partitioned cookies are listed here; a rule of `site` does not cover them. */
  otherSites: string[];
}

/** A cookie's row in the flat list. */
export interface RowItem extends Row {
  kind: 'row';
  site: string;
  /** Position among the rows shown (for shift-click ranges). */
  index: number;
}

export type ListItem = SiteItem | RowItem;

export interface ManagerView {
  items: ListItem[];
  /** The rows shown, in order (what "Select all" selects). */
  rows: RowItem[];
  /** Every cookie of the store. */
  total: number;
}

const GRADE_ORDER: Record<string, number> = { F: 0, E: 1, D: 2, C: 3, B: 4, A: 5 };

/** Sites by name, or weakest first (lowest score, then worst grade, then most high findings, then name). */
export function orderSites(sites: readonly StoreSiteGroup[], order: SiteOrder): StoreSiteGroup[] {
  const byName = (a: StoreSiteGroup, b: StoreSiteGroup) => a.site.localeCompare(b.site);
  if (order === 'name') return [...sites].sort(byName);
  return [...sites].sort(
    (a, b) =>
      a.summary.score - b.summary.score ||
      (GRADE_ORDER[a.summary.grade] ?? 9) - (GRADE_ORDER[b.summary.grade] ?? 9) ||
      b.summary.counts.high - a.summary.counts.high ||
      byName(a, b),
  );
}

function rowOrder(a: Row, b: Row): number {
  const worst = (r: Row) => (r.findings[0] ? SEVERITY_ORDER[r.findings[0].severity] : 9);
  return (
    a.cookie.name.localeCompare(b.cookie.name) ||
    a.cookie.domain.localeCompare(b.cookie.domain) ||
    a.cookie.path.localeCompare(b.cookie.path) ||
    worst(a) - worst(b) ||
    a.key.localeCompare(b.key)
  );
}

export interface ViewChoice {
  query: SearchQuery;
  filters: SearchFilters;
  order: SiteOrder;
  now: number;
}

/** One site of the store, indexed once per load and order: its rows (key, findings) already sorted. */
export interface IndexedSite {
  group: StoreSiteGroup;
  rows: Row[];
  partitioned: number;
}

/** A store's sites in the chosen order, each with its rows sorted: what every keystroke filters. */
export interface IndexedStore {
  sites: IndexedSite[];
  total: number;
}

/**
 * The work a search does not change, done once per load (and order): every cookie's key and
 * findings, each site's rows sorted (by name, domain, path). A keystroke then only filters.
 */
export function indexStore(data: StoreCookies, order: SiteOrder): IndexedStore {
  let total = 0;
  const sites = orderSites(data.sites, order).map((group) => {
    total += group.cookies.length;
    const byCookie = findingsByCookie(group.findings);
    const rows: Row[] = group.cookies.map((cookie) => {
      const key = cookieKey(cookie);
      return { key, cookie, findings: byCookie.get(key) ?? [] };
    });
    rows.sort(rowOrder);
    return { group, rows, partitioned: group.cookies.filter((c) => c.partitionKey !== undefined).length };
  });
  return { sites, total };
}

/** The flat list of an indexed store for a search and filters (see `managerView`). */
export function filterIndexed(
  indexed: IndexedStore,
  { query, filters, now }: Pick<ViewChoice, 'query' | 'filters' | 'now'>,
): ManagerView {
  const items: ListItem[] = [];
  const rows: RowItem[] = [];
  for (const { group, rows: all, partitioned } of indexed.sites) {
    const shown = all.filter((row) => matchCookie(query, filters, row.cookie, row.findings, now));
    if (shown.length === 0) continue;
    items.push({
      kind: 'site',
      key: `site:${group.site}`,
      site: group.site,
      summary: group.summary,
      bytes: group.bytes,
      total: group.cookies.length,
      shown: shown.length,
      partitioned,
      otherSites: group.otherSites ?? [],
    });
    for (const row of shown) {
      const item: RowItem = { kind: 'row', site: group.site, index: rows.length, ...row };
      items.push(item);
      rows.push(item);
    }
  }
  return { items, rows, total: indexed.total };
}

/**
 * The flat list: each site with at least one cookie shown, then its rows (by name, domain, path).
 * With no search and no filter, every site is listed, even one without cookies shown.
 */
export function managerView(data: StoreCookies, { query, filters, order, now }: ViewChoice): ManagerView {
  return filterIndexed(indexStore(data, order), { query, filters, now });
}

/** The keys between two rows shown (inclusive, either order): a shift-click range. */
export function rangeKeys(rows: readonly RowItem[], fromKey: string, toKey: string): string[] {
  const from = rows.findIndex((r) => r.key === fromKey);
  const to = rows.findIndex((r) => r.key === toKey);
  if (from < 0 || to < 0) return to >= 0 ? [toKey] : [];
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return rows.slice(lo, hi + 1).map((r) => r.key);
}

/** The selection after a click on a row's checkbox: a toggle, or with shift the range from the last click set like it. */
export function toggleSelection(
  selected: ReadonlySet<string>,
  rows: readonly RowItem[],
  key: string,
  options: { shift: boolean; lastKey: string | undefined },
): Set<string> {
  const next = new Set(selected);
  const on = !selected.has(key);
  const keys = options.shift && options.lastKey !== undefined ? rangeKeys(rows, options.lastKey, key) : [key];
  for (const k of keys) {
    if (on) next.add(k);
    else next.delete(k);
  }
  return next;
}

/** The selection kept after a reload: only keys of cookies still in the store. */
export function keepExisting(selected: ReadonlySet<string>, data: StoreCookies): Set<string> {
  if (selected.size === 0) return selected as Set<string>;
  const present = new Set<string>();
  for (const site of data.sites)
    for (const c of site.cookies) if (selected.has(cookieKey(c))) present.add(cookieKey(c));
  return present.size === selected.size ? (selected as Set<string>) : present;
}

/** What a bulk change (expiry, harden) did, with one line per cookie it could not change. */
export function bulkText(action: string, outcome: BulkOutcome): { text: string; problems: string[]; error: boolean } {
  const parts = [t('m_bulk_changed', action, cookieCount(outcome.changed))];
  if (outcome.unchanged > 0) parts.push(t('m_bulk_already', num(outcome.unchanged)));
  if (outcome.failed.length > 0) parts.push(t('m_bulk_failed', num(outcome.failed.length)));
  const problems = outcome.failed.map((f) =>
    t('m_bulk_problem', f.name || t('no_name'), `${f.domain}${f.path}`, f.reason),
  );
  if (outcome.warning) problems.push(outcome.warning);
  const text = parts.reduce((list, part) => t('list_comma', list, part));
  return { text: t('sentence', text), problems, error: outcome.failed.length > 0 || Boolean(outcome.warning) };
}

/** The backup's file name: `cookie-lens-backup-<store>-<date>.json`, the store id made safe for a file name. */
export function backupFileName(storeId: string, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `cookie-lens-backup-${storeId.replace(/[^a-z0-9-]/gi, '_')}-${day}.json`;
}

/** The `?store=` of the page's URL, or undefined. */
export function storeFromSearch(search: string): string | undefined {
  const id = new URLSearchParams(search).get('store');
  return id ? id : undefined;
}

/** The filter menus as chosen (empty string: any). */
export interface FilterChoice {
  severity: '' | 'high' | 'medium' | 'low' | 'info' | 'high-medium';
  flag: '' | 'secure' | 'not-secure' | 'httponly' | 'not-httponly' | 'samesite-none' | 'samesite-unset' | 'host-only';
  lifetime: '' | 'session' | 'persistent';
  partitioned: '' | 'yes' | 'no';
  expiring: '' | 'day' | 'week';
  /** Bytes of name plus value; empty: any size. */
  over: string;
}

export const NO_CHOICE: FilterChoice = {
  severity: '',
  flag: '',
  lifetime: '',
  partitioned: '',
  expiring: '',
  over: '',
};

/** The search core's filters for the menus' choice. */
export function toFilters(choice: FilterChoice): SearchFilters {
  const filters: {
    -readonly [K in keyof SearchFilters]: SearchFilters[K];
  } = {};
  if (choice.severity === 'high-medium') filters.severity = ['high', 'medium'];
  else if (choice.severity) filters.severity = [choice.severity];
  switch (choice.flag) {
    case 'secure':
    case 'not-secure':
      filters.secure = choice.flag === 'secure';
      break;
    case 'httponly':
    case 'not-httponly':
      filters.httpOnly = choice.flag === 'httponly';
      break;
    case 'samesite-none':
      filters.sameSite = ['none'];
      break;
    case 'samesite-unset':
      filters.sameSite = ['unspecified'];
      break;
    case 'host-only':
      filters.hostOnly = true;
      break;
  }
  if (choice.lifetime) filters.lifetime = choice.lifetime;
  if (choice.partitioned) filters.partitioned = choice.partitioned === 'yes';
  if (choice.expiring) filters.expiringWithin = choice.expiring;
  const over = Number(choice.over);
  if (choice.over !== '' && Number.isFinite(over) && over >= 0) filters.overBytes = over;
  return filters;
}

/**
 * The rules that protect a cookie: of its own site (the page has no public suffix list, so any site
 * its host is or ends in; rules only ever name registrable domains) and naming it or a pattern
 * matching its name. What "Unprotect" on a row removes.
 */
export function rulesFor(rules: readonly ProtectRule[], cookie: Pick<Cookie, 'name' | 'domain'>): ProtectRule[] {
  const host = hostOfDomain(cookie.domain);
  return rules.filter((r) => (host === r.site || host.endsWith(`.${r.site}`)) && namePattern(r.name)(cookie.name));
}

/**
 * Where a row's cookie lives, said only where it differs from its site group's: the domain (with its
 * leading dot for a domain cookie) unless it is the host-only cookie of the site itself, and the
 * path unless it is `/`. Empty when neither differs. So a domain cookie and a host-only one of the
 * same name do not look alike.
 */
export function rowPlace(item: Pick<RowItem, 'site' | 'cookie'>): string {
  const { domain, path } = item.cookie;
  const parts: string[] = [];
  if (domain !== item.site) parts.push(domain);
  if (path !== '/') parts.push(path);
  return parts.join(' ');
}

/**
 * The rule "Protect" on a row adds: the cookie's own site (its group's, or for a partitioned cookie,
 * listed under the top-level site, its host, which the background reduces to its registrable domain).
 */
export function ruleForRow(item: Pick<RowItem, 'site' | 'cookie'>): ProtectRule {
  return { site: item.cookie.partitionKey ? hostOfDomain(item.cookie.domain) : item.site, name: item.cookie.name };
}
