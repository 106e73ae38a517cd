import { describe, expect, it } from 'vitest';
import { type Cookie, cookieKey } from '../../../../src/model/cookie';
import { CookieJar, serializeCookies } from '../../../../src/core/set-cookie/jar';
import { makeCookie } from '../../fixtures';

const NOW = Date.UTC(2026, 0, 1);

function cookie(overrides: Partial<Cookie>): Cookie {
  return makeCookie({ name: 'a', value: '1', domain: 'example.com', sameSite: 'lax', ...overrides });
}

describe('CookieJar', () => {
  it('stores, replaces by identity (name + domain + path + partition), and deletes', () => {
    const jar = new CookieJar([], NOW);
    expect(jar.store(cookie({ value: '1' }), NOW)).toBe('stored');
    expect(jar.store(cookie({ value: '2' }), NOW)).toBe('replaced');
    expect(jar.store(cookie({ value: '3', path: '/x' }), NOW)).toBe('stored');
    expect(jar.store(cookie({ value: '4', domain: '.example.com', hostOnly: false }), NOW)).toBe('stored');
    expect(jar.cookies(NOW).map((c) => c.value)).toEqual(['2', '3', '4']);
    expect(jar.delete(cookieKey(cookie({ path: '/x' })))).toBe(true);
    expect(jar.cookies(NOW).map((c) => c.value)).toEqual(['2', '4']);
  });

  it('evicts expired cookies', () => {
    const jar = new CookieJar(
      [cookie({ session: false, expirationDate: NOW / 1000 + 10 }), cookie({ name: 'b' })],
      NOW,
    );
    expect(jar.evictExpired(NOW + 5_000)).toEqual([]);
    expect(jar.evictExpired(NOW + 10_000).map((c) => c.name)).toEqual(['a']);
    expect(jar.cookies(NOW + 10_000).map((c) => c.name)).toEqual(['b']);
  });

  it('orders the Cookie header by longer path first, then earlier creation', () => {
    const jar = new CookieJar([], NOW);
    jar.apply('a=1; Path=/', 'https://example.com/', { now: NOW });
    jar.apply('b=2; Path=/docs', 'https://example.com/', { now: NOW + 1 });
    jar.apply('c=3; Path=/', 'https://example.com/', { now: NOW + 2 });
    jar.apply('d=4; Path=/docs/api', 'https://example.com/', { now: NOW + 3 });
    expect(jar.cookieHeader('https://example.com/docs/api/x', { now: NOW + 4 })).toBe('d=4; b=2; a=1; c=3');
  });

  it('keeps the creation time of a replaced cookie, so it keeps its place', () => {
    const jar = new CookieJar([], NOW);
    jar.apply('a=1', 'https://example.com/', { now: NOW });
    jar.apply('b=2', 'https://example.com/', { now: NOW + 1 });
    const e = jar.apply('a=new', 'https://example.com/', { now: NOW + 2 });
    expect(e.verdict).toBe('replaced');
    expect(jar.cookieHeader('https://example.com/', { now: NOW + 3 })).toBe('a=new; b=2');
  });

  it('deletes through a header with a past expiry', () => {
    const jar = new CookieJar([], NOW);
    jar.apply('a=1', 'https://example.com/', { now: NOW });
    expect(jar.apply('a=; Max-Age=0', 'https://example.com/', { now: NOW }).verdict).toBe('deleted');
    expect(jar.cookieHeader('https://example.com/', { now: NOW })).toBe('');
  });

  it('sends host-only cookies to their host only, domain cookies to subdomains too', () => {
    const jar = new CookieJar([], NOW);
    jar.apply('host=1', 'https://example.com/', { now: NOW });
    jar.apply('dom=2; Domain=example.com', 'https://example.com/', { now: NOW });
    expect(jar.cookieHeader('https://example.com/', { now: NOW })).toBe('host=1; dom=2');
    expect(jar.cookieHeader('https://www.example.com/', { now: NOW })).toBe('dom=2');
    expect(jar.cookieHeader('https://notexample.com/', { now: NOW })).toBe('');
  });

  it('keeps Secure cookies off http, except on loopback, and HttpOnly ones away from scripts', () => {
    const jar = new CookieJar([], NOW);
    jar.apply('s=1; Secure', 'https://example.com/', { now: NOW });
    jar.apply('h=2; HttpOnly', 'https://example.com/', { now: NOW });
    expect(jar.cookieHeader('http://example.com/', { now: NOW })).toBe('h=2');
    expect(jar.cookieHeader('https://example.com/', { now: NOW, fromScript: true })).toBe('s=1');
    const local = new CookieJar([], NOW);
    local.apply('s=1; Secure', 'http://localhost:3000/', { now: NOW });
    expect(local.cookieHeader('http://localhost:3000/', { now: NOW })).toBe('s=1');
  });

  it('sends a partitioned cookie only under its top-level site', () => {
    const jar = new CookieJar([], NOW);
    const e = jar.apply('p=1; Secure; Partitioned; SameSite=None', 'https://widget.example/', {
      now: NOW,
      topLevelSite: 'https://shop.test/cart',
    });
    expect(e.cookie?.partitionKey).toEqual({ topLevelSite: 'https://shop.test', hasCrossSiteAncestor: true });
    expect(jar.cookieHeader('https://widget.example/', { now: NOW, topLevelSite: 'https://shop.test' })).toBe('p=1');
    expect(jar.cookieHeader('https://widget.example/', { now: NOW, topLevelSite: 'https://other.test' })).toBe('');
  });

  it('writes a nameless cookie as its value alone', () => {
    expect(
      serializeCookies([
        { name: '', value: 'flag' },
        { name: 'a', value: '' },
      ]),
    ).toBe('flag; a=');
  });
});
