import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, exportCookies, importCookies as importMessages } from '../../../../src/core/formats/index';
import type { Cookie } from '../../../../src/model/cookie';
import { cookieArb, cookieListArb, HOSTILE_VALUES, nameArb, valueArb } from './arbitraries';
import { enDeep } from '../../en';

/** An import with its errors worded in English, as an English page shows them. */
const importCookies = (...args: Parameters<typeof importMessages>) => enDeep(importMessages(...args));

// Generated expiries start in 2001, so `now: 0` keeps every persistent cookie unexpired.
const NOW = 0;

/** What cookies.txt keeps; the rest comes back as the documented defaults. */
function netscapeView(c: Cookie, storeId: string): Cookie {
  const kept: Cookie = {
    name: c.name,
    value: c.value,
    domain: c.domain,
    hostOnly: c.hostOnly,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: 'unspecified',
    session: c.session,
    storeId,
  };
  if (c.expirationDate !== undefined) kept.expirationDate = c.expirationDate;
  return kept;
}

describe('export then import returns the same cookies', () => {
  it('json: every field', () => {
    const list = fc.uniqueArray(cookieArb, {
      selector: (c) => JSON.stringify([c.storeId, c.partitionKey, c.firstPartyDomain, c.domain, c.path, c.name]),
      maxLength: 12,
    });
    fc.assert(
      fc.property(list, (cookies) => {
        const text = exportCookies(cookies, 'json');
        expect(detectFormat(text)).toBe('json');
        expect(importCookies(text, { now: NOW })).toStrictEqual({ format: 'json', cookies, errors: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('netscape: name, value, domain, hostOnly, path, secure, httpOnly, session, expiry', () => {
    fc.assert(
      fc.property(cookieListArb, fc.constantFrom('0', 'firefox-default'), (cookies, storeId) => {
        const text = exportCookies(cookies, 'netscape');
        expect(detectFormat(text)).toBe('netscape');
        const result = importCookies(text, { now: NOW, defaultStoreId: storeId });
        expect(result).toStrictEqual({
          format: 'netscape',
          cookies: cookies.map((c) => netscapeView(c, storeId)),
          errors: [],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('header: names and values, in order', () => {
    const pairs = fc.uniqueArray(fc.record({ name: nameArb, value: valueArb }), {
      selector: (p) => p.name,
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(pairs, fc.constantFrom('example.com', 'app.example.org', '127.0.0.1'), (list, host) => {
        const cookies = list.map(
          (p): Cookie => ({
            ...p,
            domain: '.elsewhere.example',
            hostOnly: false,
            path: '/x',
            secure: true,
            httpOnly: true,
            sameSite: 'lax',
            session: true,
            storeId: '1',
          }),
        );
        const text = exportCookies(cookies, 'header');
        expect(detectFormat(text)).toBe('header');
        const result = importCookies(text, { defaultDomain: host });
        expect(result.errors).toEqual([]);
        expect(result.cookies.map((c) => [c.name, c.value])).toEqual(list.map((p) => [p.name, p.value]));
        expect(result.cookies.every((c) => c.domain === host && c.hostOnly && c.path === '/' && c.session)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each(['json', 'netscape', 'header'] as const)('%s: hostile values come back byte for byte', (format) => {
    const cookies = HOSTILE_VALUES.map(
      (value, i): Cookie => ({
        name: `h${i}`,
        value,
        domain: 'example.com',
        hostOnly: true,
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'unspecified',
        session: true,
        storeId: '0',
      }),
    );
    const result = importCookies(exportCookies(cookies, format), { defaultDomain: 'example.com' });
    expect(result.errors).toEqual([]);
    expect(result.cookies.map((c) => c.value)).toEqual(HOSTILE_VALUES);
  });
});
