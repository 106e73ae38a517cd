/** View logic of the workbench as pure functions: filtering, sorting, grouping (the edit form's own are in form-model.ts). */
import type { SiteSummary } from '../core/audit';
import type { Finding } from '../core/types';
import type { Severity } from '../model/severity';
import type { TabCookies, TabCookiesBySite } from '../messages';
import { type Cookie, cookieKey, cookieSize } from '../model/cookie';

export const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

export type SortKey = 'name' | 'expiry' | 'size' | 'severity';

export interface Row {
  key: string;
  cookie: Cookie;
  findings: Finding[];
}

export interface Group {
  /** `domain path`, the heading of the group. */
  label: string;
  rows: Row[];
}

export function findingsByCookie(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = map.get(f.cookieKey) ?? [];
    list.push(f);
    map.set(f.cookieKey, list);
  }
  for (const list of map.values()) list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return map;
}

function worst(row: Row): number {
  return row.findings[0] ? SEVERITY_ORDER[row.findings[0].severity] : 9;
}

const COMPARE: Record<SortKey, (a: Row, b: Row) => number> = {
  name: (a, b) => a.cookie.name.localeCompare(b.cookie.name),
  expiry: (a, b) =>
    (a.cookie.expirationDate ?? Number.POSITIVE_INFINITY) - (b.cookie.expirationDate ?? Number.POSITIVE_INFINITY),
  size: (a, b) => cookieSize(b.cookie) - cookieSize(a.cookie),
  severity: (a, b) => worst(a) - worst(b) || a.cookie.name.localeCompare(b.cookie.name),
};

/** Rows with a finding of this severity (a summary pill), or of high or medium severity. */
export type SeverityFilter = Severity | 'high-medium' | undefined;

export interface ViewOptions {
  query: string;
  warningsOnly: boolean;
  sort: SortKey;
  severity?: SeverityFilter;
}

function passes(findings: readonly Finding[], filter: SeverityFilter): boolean {
  if (filter === undefined) return true;
  return findings.some((f) =>
    filter === 'high-medium' ? f.severity === 'high' || f.severity === 'medium' : f.severity === filter,
  );
}

/** How many cookies have at least one finding of each severity (a cookie with two high findings counts once). */
export function cookiesPerSeverity(cookies: readonly Cookie[], findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  const byCookie = findingsByCookie(findings);
  for (const cookie of cookies) {
    const own = new Set((byCookie.get(cookieKey(cookie)) ?? []).map((f) => f.severity));
    for (const s of own) counts[s] += 1;
  }
  return counts;
}

/** Rows matching the search and filter, grouped by domain and path, sorted within each group. */
export function groupRows(cookies: readonly Cookie[], findings: readonly Finding[], options: ViewOptions): Group[] {
  const byCookie = findingsByCookie(findings);
  const q = options.query.trim().toLowerCase();
  const groups = new Map<string, Row[]>();
  for (const cookie of cookies) {
    const key = cookieKey(cookie);
    const rowFindings = byCookie.get(key) ?? [];
    if (options.warningsOnly && !rowFindings.some((f) => f.severity !== 'info')) continue;
    if (!passes(rowFindings, options.severity)) continue;
    if (q && ![cookie.name, cookie.value, cookie.domain].some((t) => t.toLowerCase().includes(q))) continue;
    const label = `${cookie.domain} ${cookie.path}`;
    const rows = groups.get(label) ?? [];
    rows.push({ key, cookie, findings: rowFindings });
    groups.set(label, rows);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, rows]) => ({ label, rows: rows.sort(COMPARE[options.sort]) }));
}

/** Whether the loaded data is grouped by site (the DevTools panel). */
export function hasSites(data: TabCookies): data is TabCookiesBySite {
  return Array.isArray((data as Partial<TabCookiesBySite>).sites);
}

/** Every cookie loaded: all site groups' when grouped, else the page's. */
export function allCookies(data: TabCookies): Cookie[] {
  return hasSites(data) ? data.sites.flatMap((s) => s.cookies) : data.cookies;
}

/** One site of the page (the DevTools panel's list), with its rows grouped. */
export interface SiteSection {
  site: string;
  label: string;
  summary: SiteSummary;
  groups: Group[];
}

/** The list as shown: `sections` when the data is grouped by site, and every group in order. */
export interface ListView {
  sections: SiteSection[] | undefined;
  groups: Group[];
}

/** The list of a page not grouped by site (the popup): its groups, no sections (site-list.ts forms the panel's). */
export function pageListView(data: TabCookies, options: ViewOptions): ListView {
  return { sections: undefined, groups: groupRows(data.cookies, data.findings, options) };
}

/**
 * The first `limit` rows of `groups`, in order: what a first frame renders (a screenful and more),
 * the rest following once it is painted. Groups past the limit are left out, not shown empty.
 */
export function firstGroups(groups: readonly Group[], limit: number): Group[] {
  let left = limit;
  const kept: Group[] = [];
  for (const group of groups) {
    if (left <= 0) break;
    kept.push(group.rows.length <= left ? group : { ...group, rows: group.rows.slice(0, left) });
    left -= group.rows.length;
  }
  return kept;
}
