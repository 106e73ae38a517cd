import { describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../../src/core/audit';
import type { TabCookies, TabCookiesBySite } from '../../../src/messages';
import { listView } from '../../../src/ui/model';
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
