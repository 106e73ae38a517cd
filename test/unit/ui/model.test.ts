import { describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../../src/core/audit';
import type { TabCookies, TabCookiesBySite } from '../../../src/messages';
import { cookieFinder, findCookie } from '../../../src/ui/cookie-jump';
import { editorAfterConflict } from '../../../src/ui/form-model';
import { firstRows, listView } from '../../../src/ui/site-list';
import { cookieKey } from '../../../src/model/cookie';
import { makeCookie } from '../fixtures';

const summary = (cookies: number): SiteSummary => ({
  cookies,
  counts: { high: 0, medium: 0, low: 0, info: 0 },
  score: 100,
  grade: 'A',
});
const tab = { tabId: 1, url: 'https://shop.test/', storeId: '0', incognito: false };
const options = { query: '', warningsOnly: false, sort: 'name' as const };

describe('listView', () => {
  it('groups a page by domain and path, without sections', () => {
    const data: TabCookies = {
      tab,
      cookies: [makeCookie({ name: 'b' }), makeCookie({ name: 'a' }), makeCookie({ name: 'c', path: '/app' })],
      findings: [],
      summary: summary(3),
    };
    const view = listView(data, options);
    expect(view.sections).toBeUndefined();
    expect(view.groups.map((g) => [g.label, g.rows.map((r) => r.cookie.name)])).toEqual([
      ['localhost /', ['a', 'b']],
      ['localhost /app', ['c']],
    ]);
  });

  it('gives one section per site, and every section’s groups in order', () => {
    const top = makeCookie({ name: 'cart', domain: 'shop.test' });
    const frame = makeCookie({ name: 'ad', domain: 'ads.test' });
    const data: TabCookiesBySite = {
      tab,
      cookies: [top],
      findings: [],
      summary: summary(1),
      sites: [
        { site: 'shop.test', label: 'top-level', urls: [], cookies: [top], findings: [], summary: summary(1) },
        { site: 'ads.test', label: 'third-party frame', urls: [], cookies: [frame], findings: [], summary: summary(1) },
      ],
    };
    const view = listView(data, { ...options, query: 'ad' });
    expect(view.sections?.map((s) => [s.site, s.label, s.groups.length])).toEqual([
      ['shop.test', 'top-level', 0],
      ['ads.test', 'third-party frame', 1],
    ]);
    expect(view.groups.flatMap((g) => g.rows.map((r) => r.cookie.name))).toEqual(['ad']);
  });
});

describe('firstRows', () => {
  const names = (view: ReturnType<typeof listView>) => view.groups.flatMap((g) => g.rows.map((r) => r.cookie.name));
  const page = (n: number, path = '/'): TabCookies => ({
    tab,
    cookies: Array.from({ length: n }, (_, i) =>
      makeCookie({ name: `c${String(i).padStart(3, '0')}`, path: i % 2 ? path : '/' }),
    ),
    findings: [],
    summary: summary(n),
  });

  it('keeps the first rows in list order, across groups, and leaves out the groups past them', () => {
    const view = listView(page(10, '/app'), options);
    const first = firstRows(view, 7);
    expect(names(first)).toEqual(names(view).slice(0, 7));
    expect(first.groups.map((g) => [g.label, g.rows.length])).toEqual([
      ['localhost /', 5],
      ['localhost /app', 2],
    ]);
    expect(names(firstRows(view, 5))).toEqual(names(view).slice(0, 5));
    expect(firstRows(view, 5).groups).toHaveLength(1);
    expect(firstRows(view, 100)).toEqual(view);
  });

  it('cuts sections the same way, never showing one past the limit as empty', () => {
    const top = page(3);
    const frame = makeCookie({ name: 'ad', domain: 'ads.test' });
    const data: TabCookiesBySite = {
      ...top,
      sites: [
        { site: 'shop.test', label: 'top-level', urls: [], cookies: top.cookies, findings: [], summary: summary(3) },
        { site: 'ads.test', label: 'third-party frame', urls: [], cookies: [frame], findings: [], summary: summary(1) },
      ],
    };
    const view = listView(data, options);
    expect(firstRows(view, 3).sections?.map((s) => s.site)).toEqual(['shop.test']);
    expect(names(firstRows(view, 3))).toEqual(['c000', 'c001', 'c002']);
    expect(firstRows(view, 4)).toEqual(view);
  });
});

describe('cookieFinder', () => {
  const plain = makeCookie({ name: 'sid', domain: 'shop.test' });
  const partitioned = makeCookie({
    name: 'chip',
    domain: 'ads.test',
    partitionKey: { topLevelSite: 'https://shop.test' },
  });
  const other = makeCookie({ name: 'sid', domain: '.shop.test', hostOnly: false, path: '/app' });
  const cookies = [plain, partitioned, other];
  const target = (c: typeof plain, key = cookieKey(c)) => ({ key, name: c.name, domain: c.domain, path: c.path });

  it('finds each cookie by its identity, as findCookie does', () => {
    const find = cookieFinder(cookies);
    for (const c of cookies) {
      expect(find(target(c))).toBe(c);
      expect(findCookie(target(c), cookies)).toBe(c);
    }
  });

  it('falls back to the same name, host and path (a cookie the browser partitioned on its own), else nothing', () => {
    const find = cookieFinder(cookies);
    const { partitionKey: _, ...unpartitioned } = partitioned;
    expect(find(target(partitioned, cookieKey(unpartitioned)))).toBe(partitioned);
    expect(find({ key: 'none', name: 'sid', domain: '.shop.test', path: '/' })).toBe(plain);
    expect(find({ key: 'none', name: 'sid', domain: 'shop.test', path: '/other' })).toBeUndefined();
    expect(cookieFinder([])(target(plain))).toBeUndefined();
  });
});

describe('editorAfterConflict', () => {
  const asOpened = makeCookie({ name: 'sid', value: 'old' });
  const now = makeCookie({ name: 'sid', value: 'changed by the site' });
  it('keeps the form open on the cookie as it is now, and the next save overwrites it knowingly', () => {
    expect(editorAfterConflict({ id: 1, original: asOpened }, now)).toEqual({ id: 1, original: now, overwrite: true });
  });
  it('opens it as a new cookie when the site deleted it meanwhile, and leaves a closed form closed', () => {
    expect(editorAfterConflict({ id: 1, original: asOpened }, null)).toEqual({ id: 1, overwrite: true });
    expect(editorAfterConflict(undefined, now)).toBeUndefined();
  });
});
