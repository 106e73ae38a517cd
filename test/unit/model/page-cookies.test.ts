import { describe, expect, it } from 'vitest';
import { cookiesForPage } from '../../../src/core/page-cookies';
import type { Cookie } from '../../../src/model/cookie';
import { makeCookie } from '../fixtures';

function cookie(name: string, domain: string, extra: Partial<Cookie> = {}): Cookie {
  return makeCookie({ name, value: '1', domain, ...extra });
}

describe('cookiesForPage', () => {
  const all = [
    cookie('host', 'app.example.com'),
    cookie('parent', '.example.com'),
    cookie('self-domain', '.app.example.com'),
    cookie('sibling', 'api.example.com'),
    cookie('child', 'x.app.example.com'),
    cookie('deep', 'app.example.com', { path: '/admin/deep' }),
    cookie('mine', 'app.example.com', { partitionKey: { topLevelSite: 'https://example.com' } }),
    cookie('elsewhere', 'app.example.com', { partitionKey: { topLevelSite: 'https://other.org' } }),
    cookie('other-site', '.other.org'),
  ];

  it('keeps host-only cookies of the host and domain cookies of it and its parents, on every path', () => {
    const names = cookiesForPage(all, 'https://app.example.com/page').map((c) => c.name);
    expect(names).toEqual(['host', 'parent', 'self-domain', 'deep', 'mine']);
  });

  it('keeps partitioned cookies only under this top-level site', () => {
    const names = cookiesForPage(all, 'https://app.example.com/').map((c) => c.name);
    expect(names).toContain('mine');
    expect(names).not.toContain('elsewhere');
  });

  it('matches an IPv6 host whether the browser writes it with brackets (Chrome) or without (Firefox)', () => {
    const v6 = [cookie('chrome', '[::1]'), cookie('firefox', '::1')];
    expect(cookiesForPage(v6, 'http://[::1]:8600/').map((c) => c.name)).toEqual(['chrome', 'firefox']);
  });

  it('returns nothing for a page without a host', () => {
    expect(cookiesForPage(all, 'about:blank')).toEqual([]);
  });
});
