/**
 * Playwright, Puppeteer and Selenium JSON: the exact shapes written, what import reads back (every
 * field each format keeps, partitioned cookies included), detection, and every SameSite spelling
 * other tools write. The real tools consuming these exports are in test/e2e/clients.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, exportCookies, importCookies as importMessages } from '../../../../src/core/formats/index';
import type { Cookie, SameSite } from '../../../../src/model/cookie';
import { makeCookie } from '../../fixtures';
import { cookieArb } from './arbitraries';
import { enDeep } from '../../en';

/** An import with its errors worded in English, as an English page shows them. */
const importCookies = (...args: Parameters<typeof importMessages>) => enDeep(importMessages(...args));

// Generated expiries start in 2001, so `now: 0` keeps every persistent cookie unexpired.
const NOW = 0;

const SESSION = makeCookie({ name: 'sid', value: 'abc', domain: 'app.example.com', sameSite: 'unspecified', httpOnly: true, secure: true });
const DOMAIN = makeCookie({
  name: 'pref',
  value: 'dark',
  domain: '.example.com',
  hostOnly: false,
  path: '/app',
  sameSite: 'none',
  secure: true,
  session: false,
  expirationDate: 1_900_000_000.25,
});
const PARTITIONED = makeCookie({
  name: 'embed',
  value: '1',
  domain: 'widget.example.net',
  secure: true,
  sameSite: 'none',
  partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false },
});

/** Unique by what the tool formats keep of a cookie's identity (no store, no first-party domain). */
const toolList = fc.uniqueArray(cookieArb, {
  selector: (c) => JSON.stringify([c.partitionKey, c.domain, c.path, c.name]),
  maxLength: 12,
});

function kept(c: Cookie, storeId: string, sameSite: SameSite = c.sameSite): Cookie {
  const { firstPartyDomain: _f, storeId: _s, ...rest } = c;
  return { ...rest, sameSite, storeId };
}

describe('Playwright storageState', () => {
  it('writes sameSite Strict/Lax/None, expires -1 for a session cookie, the partition key, origins []', () => {
    expect(JSON.parse(exportCookies([SESSION, DOMAIN, PARTITIONED], 'playwright'))).toStrictEqual({
      cookies: [
        { name: 'sid', value: 'abc', domain: 'app.example.com', path: '/', expires: -1, httpOnly: true, secure: true, sameSite: 'Lax' },
        { name: 'pref', value: 'dark', domain: '.example.com', path: '/app', expires: 1_900_000_000.25, httpOnly: false, secure: true, sameSite: 'None' },
        {
          name: 'embed',
          value: '1',
          domain: 'widget.example.net',
          path: '/',
          expires: -1,
          httpOnly: false,
          secure: true,
          sameSite: 'None',
          partitionKey: 'https://example.com',
          _crHasCrossSiteAncestor: false,
        },
      ],
      origins: [],
    });
  });

  it('round trip: every field but store and first-party domain; unspecified SameSite comes back as Lax', () => {
    fc.assert(
      fc.property(toolList, (cookies) => {
        const text = exportCookies(cookies, 'playwright');
        expect(detectFormat(text)).toBe('playwright');
        const expected = cookies.map((c) => kept(c, '0', c.sameSite === 'unspecified' ? 'lax' : c.sameSite));
        expect(importCookies(text, { now: NOW })).toStrictEqual({ format: 'playwright', cookies: expected, errors: [] });
      }),
      { numRuns: 300 },
    );
  });

  it("reads Playwright's own storageState (from context.storageState()), origins ignored", () => {
    const text = JSON.stringify({
      cookies: [
        { name: 'a', value: '1', domain: 'localhost', path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' },
        { name: 'b', value: '2', domain: '.example.com', path: '/', expires: 1_900_000_000.5, httpOnly: true, secure: true, sameSite: 'Strict' },
        { name: 'c', value: '3', domain: 'x.test', path: '/', expires: -1, httpOnly: false, secure: true, sameSite: 'None', partitionKey: 'https://top.test', _crHasCrossSiteAncestor: true },
      ],
      origins: [{ origin: 'https://example.com', localStorage: [{ name: 'k', value: 'v' }] }],
    });
    const result = importCookies(text, { now: NOW, defaultStoreId: 'firefox-default' });
    expect(result.format).toBe('playwright');
    expect(result.errors).toEqual([]);
    expect(result.cookies).toStrictEqual([
      makeCookie({ name: 'a', value: '1', domain: 'localhost', sameSite: 'lax', storeId: 'firefox-default' }),
      makeCookie({ name: 'b', value: '2', domain: '.example.com', hostOnly: false, httpOnly: true, secure: true, sameSite: 'strict', session: false, expirationDate: 1_900_000_000.5, storeId: 'firefox-default' }),
      makeCookie({ name: 'c', value: '3', domain: 'x.test', secure: true, sameSite: 'none', partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true }, storeId: 'firefox-default' }),
    ]);
  });
});

describe('Puppeteer CookieParam[]', () => {
  it('writes sameSite only when set, expires only when persistent, partitionKey as {sourceOrigin, hasCrossSiteAncestor}', () => {
    expect(JSON.parse(exportCookies([SESSION, DOMAIN, PARTITIONED], 'puppeteer'))).toStrictEqual([
      { name: 'sid', value: 'abc', domain: 'app.example.com', path: '/', secure: true, httpOnly: true },
      { name: 'pref', value: 'dark', domain: '.example.com', path: '/app', secure: true, httpOnly: false, sameSite: 'None', expires: 1_900_000_000.25 },
      {
        name: 'embed',
        value: '1',
        domain: 'widget.example.net',
        path: '/',
        secure: true,
        httpOnly: false,
        sameSite: 'None',
        partitionKey: { sourceOrigin: 'https://example.com', hasCrossSiteAncestor: false },
      },
    ]);
  });

  it('round trip: every field but store and first-party domain, SameSite unspecified included', () => {
    fc.assert(
      fc.property(toolList, (cookies) => {
        const text = exportCookies(cookies, 'puppeteer');
        const result = importCookies(text, { now: NOW });
        expect(result.cookies).toStrictEqual(cookies.map((c) => kept(c, '0')));
        expect(result.errors).toEqual([]);
        // Told apart from extension JSON by `expires` or a `sourceOrigin` partition key; without
        // either it reads exactly the same as JSON.
        const marked = cookies.some((c) => c.partitionKey || !c.session);
        expect(result.format).toBe(marked ? 'puppeteer' : 'json');
        expect(detectFormat(text)).toBe(result.format);
      }),
      { numRuns: 300 },
    );
  });

  it("reads Puppeteer's own page.cookies() output", () => {
    const text = JSON.stringify([
      { name: 'a', value: '1', domain: 'localhost', path: '/', expires: -1, size: 2, httpOnly: false, secure: false, session: true, priority: 'Medium', sameParty: false, sourceScheme: 'NonSecure', sourcePort: 8600 },
      { name: 'b', value: '2', domain: '.example.com', path: '/', expires: 1_900_000_000, size: 2, httpOnly: true, secure: true, session: false, sameSite: 'Strict', priority: 'Medium', sourceScheme: 'Secure', partitionKey: { sourceOrigin: 'https://top.test', hasCrossSiteAncestor: false } },
    ]);
    const result = importCookies(text, { now: NOW });
    expect(result.format).toBe('puppeteer');
    expect(result.errors).toEqual([]);
    expect(result.cookies).toStrictEqual([
      makeCookie({ name: 'a', value: '1', domain: 'localhost', sameSite: 'unspecified' }),
      makeCookie({ name: 'b', value: '2', domain: '.example.com', hostOnly: false, httpOnly: true, secure: true, sameSite: 'strict', session: false, expirationDate: 1_900_000_000, partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false } }),
    ]);
  });
});

describe('Selenium add_cookie dictionaries', () => {
  it('writes expiry in whole seconds, sameSite only when set (never None without Secure), no partition key', () => {
    const insecureNone = makeCookie({ name: 'n', value: 'v', domain: 'example.com', sameSite: 'none', secure: false });
    expect(JSON.parse(exportCookies([SESSION, DOMAIN, PARTITIONED, insecureNone], 'selenium'))).toStrictEqual([
      { name: 'sid', value: 'abc', domain: 'app.example.com', path: '/', secure: true, httpOnly: true },
      { name: 'pref', value: 'dark', domain: '.example.com', path: '/app', secure: true, httpOnly: false, expiry: 1_900_000_000, sameSite: 'None' },
      { name: 'embed', value: '1', domain: 'widget.example.net', path: '/', secure: true, httpOnly: false, sameSite: 'None' },
      { name: 'n', value: 'v', domain: 'example.com', path: '/', secure: false, httpOnly: false },
    ]);
  });

  it('round trip (read as JSON): every field but store, partition and first-party domain', () => {
    const list = fc.uniqueArray(cookieArb, { selector: (c) => JSON.stringify([c.domain, c.path, c.name]), maxLength: 12 });
    fc.assert(
      fc.property(list, (cookies) => {
        const expected = cookies.map((c) => {
          const { partitionKey: _p, ...rest } = kept(c, '0', c.sameSite === 'none' && !c.secure ? 'unspecified' : c.sameSite);
          return rest;
        });
        expect(importCookies(exportCookies(cookies, 'selenium'), { now: NOW })).toStrictEqual({
          format: 'json',
          cookies: expected,
          errors: [],
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('every SameSite spelling other tools export', () => {
  it.each([
    ['no_restriction', 'none'], // Chrome's cookies API, Cookie-Editor, EditThisCookie
    ['None', 'none'], // Playwright, Puppeteer, Selenium
    ['none', 'none'],
    ['NONE', 'none'],
    ['Lax', 'lax'],
    ['lax', 'lax'],
    ['Strict', 'strict'],
    ['strict', 'strict'],
    ['unspecified', 'unspecified'], // Chrome, EditThisCookie
    ['Default', 'unspecified'], // Puppeteer's CookieSameSite, WebDriver BiDi
    ['default', 'unspecified'],
    [null, 'unspecified'],
    ['', 'unspecified'],
  ])('%j reads as %s', (spelling, expected) => {
    const result = importCookies(JSON.stringify([{ name: 'a', value: 'b', domain: 'example.com', sameSite: spelling }]));
    expect(result.errors).toEqual([]);
    expect(result.cookies[0]?.sameSite).toBe(expected);
  });

  it('a missing sameSite is unspecified, and an unknown one is an error', () => {
    expect(importCookies('[{"name":"a","value":"b","domain":"example.com"}]').cookies[0]?.sameSite).toBe('unspecified');
    expect(importCookies('[{"name":"a","value":"b","domain":"example.com","sameSite":"Relaxed"}]').errors).toEqual([
      { line: 1, where: 'entry 1 ("a")', reason: 'unknown "sameSite" value "Relaxed"' },
    ]);
  });

  it.each(['playwright', 'puppeteer', 'selenium'] as const)('%s writes only Strict, Lax and None, never a browser spelling', (format) => {
    const all = (['none', 'lax', 'strict', 'unspecified'] as const).map((sameSite, i) =>
      makeCookie({ name: `c${i}`, value: 'v', domain: 'example.com', secure: true, sameSite }),
    );
    const text = exportCookies(all, format);
    const parsed = JSON.parse(text);
    const entries: Array<{ sameSite?: string }> = Array.isArray(parsed) ? parsed : parsed.cookies;
    for (const e of entries) if (e.sameSite !== undefined) expect(['Strict', 'Lax', 'None']).toContain(e.sameSite);
    expect(text).not.toMatch(/no_restriction|unspecified/);
  });
});

describe('errors in tool JSON', () => {
  it('a Playwright partition key beside a non-boolean _crHasCrossSiteAncestor', () => {
    const text = JSON.stringify({ cookies: [{ name: 'a', value: 'b', domain: 'x.test', partitionKey: 'https://t.test', _crHasCrossSiteAncestor: 'yes' }], origins: [] });
    expect(importCookies(text).errors).toEqual([{ line: 1, where: 'entry 1 ("a")', reason: '"_crHasCrossSiteAncestor" must be true or false' }]);
  });

  it('a Puppeteer partition key without sourceOrigin', () => {
    const text = JSON.stringify([{ name: 'a', value: 'b', domain: 'x.test', expires: -1, partitionKey: { hasCrossSiteAncestor: true } }]);
    const result = importCookies(text);
    expect(result.format).toBe('puppeteer');
    expect(result.errors).toEqual([{ line: 1, where: 'entry 1 ("a")', reason: '"partitionKey.topLevelSite" must be a string' }]);
  });
});
