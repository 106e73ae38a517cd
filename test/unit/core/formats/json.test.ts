import { describe, expect, it, vi } from 'vitest';
import { exportCookies, importCookies as importMessages } from '../../../../src/core/formats/index';
import { sameSiteOf } from '../../../../src/core/formats/json';
import type { Cookie } from '../../../../src/model/cookie';
import { enDeep } from '../../en';

/** An import with its errors worded in English, as an English page shows them. */
const importCookies = (...args: Parameters<typeof importMessages>) => enDeep(importMessages(...args));

const NOW = Date.UTC(2025, 0, 1);
const LATER = NOW / 1000 + 86_400 * 30;

const partitioned: Cookie = {
  name: '__Host-chips',
  value: 'v1',
  domain: 'embed.example',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'none',
  session: false,
  expirationDate: LATER + 0.123456,
  storeId: '1',
  partitionKey: { topLevelSite: 'https://news.example', hasCrossSiteAncestor: true },
};
const container: Cookie = {
  name: 'pref',
  value: 'dark',
  domain: '.shop.example',
  hostOnly: false,
  path: '/cart',
  secure: false,
  httpOnly: false,
  sameSite: 'unspecified',
  session: true,
  storeId: 'firefox-container-2',
  firstPartyDomain: 'shop.example',
  partitionKey: { topLevelSite: 'https://shop.example' },
};

describe('JSON export', () => {
  it('writes a pretty array of chrome.cookies-shaped objects, SameSite None as no_restriction', () => {
    const text = exportCookies([partitioned, container], 'json');
    expect(text.startsWith('[\n  {\n    "name": "__Host-chips",')).toBe(true);
    const data = JSON.parse(text);
    expect(data[0]).toEqual({
      name: '__Host-chips',
      value: 'v1',
      domain: 'embed.example',
      hostOnly: true,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'no_restriction',
      session: false,
      expirationDate: LATER + 0.123456,
      storeId: '1',
      partitionKey: { topLevelSite: 'https://news.example', hasCrossSiteAncestor: true },
    });
    expect(data[1]).not.toHaveProperty('expirationDate');
    expect(data[1].firstPartyDomain).toBe('shop.example');
  });

  it('round-trips every field, partition key, store and first-party domain included', () => {
    const result = importCookies(exportCookies([partitioned, container], 'json'), { now: NOW });
    expect(result).toStrictEqual({ format: 'json', cookies: [partitioned, container], errors: [] });
  });

  it('writes [] for no cookies, which imports as nothing without error', () => {
    expect(exportCookies([], 'json')).toBe('[]\n');
    expect(importCookies('[]')).toStrictEqual({ format: 'json', cookies: [], errors: [] });
  });
});

describe('JSON import of other extensions', () => {
  it("reads a Cookie-Editor (Chrome) export: no_restriction, unspecified, store '0'", () => {
    const text = JSON.stringify([
      {
        domain: '.example.com',
        expirationDate: LATER,
        hostOnly: false,
        httpOnly: false,
        name: '_ga',
        path: '/',
        sameSite: 'no_restriction',
        secure: true,
        session: false,
        storeId: '0',
        value: 'GA1.2.3.4',
      },
      {
        domain: 'www.example.com',
        hostOnly: true,
        httpOnly: true,
        name: 'sid',
        path: '/',
        sameSite: 'unspecified',
        secure: true,
        session: true,
        storeId: '0',
        value: 'abc',
      },
    ]);
    const { cookies, errors } = importCookies(text, { now: NOW });
    expect(errors).toEqual([]);
    expect(cookies).toStrictEqual([
      {
        name: '_ga',
        value: 'GA1.2.3.4',
        domain: '.example.com',
        hostOnly: false,
        path: '/',
        secure: true,
        httpOnly: false,
        sameSite: 'none',
        session: false,
        expirationDate: LATER,
        storeId: '0',
      },
      {
        name: 'sid',
        value: 'abc',
        domain: 'www.example.com',
        hostOnly: true,
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'unspecified',
        session: true,
        storeId: '0',
      },
    ]);
  });

  it('reads a Firefox-style export: sameSite and partitionKey null, firstPartyDomain empty', () => {
    const text = JSON.stringify({
      name: 'theme',
      value: 'x',
      domain: 'example.org',
      hostOnly: true,
      path: '/',
      secure: false,
      httpOnly: false,
      sameSite: null,
      session: true,
      firstPartyDomain: '',
      partitionKey: null,
      storeId: 'firefox-default',
    });
    const { cookies, errors, format } = importCookies(text, { now: NOW });
    expect(format).toBe('json');
    expect(errors).toEqual([]);
    expect(cookies).toStrictEqual([
      {
        name: 'theme',
        value: 'x',
        domain: 'example.org',
        hostOnly: true,
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'unspecified',
        session: true,
        storeId: 'firefox-default',
        firstPartyDomain: '',
      },
    ]);
  });

  it('reads an EditThisCookie export (with ids and Strict/Lax spellings) and ignores the id', () => {
    const text = `[
{
    "domain": "app.example.net",
    "hostOnly": true,
    "httpOnly": false,
    "name": "lang",
    "path": "/",
    "sameSite": "Strict",
    "secure": false,
    "session": true,
    "storeId": "0",
    "value": "en",
    "id": 1
},
{
    "domain": ".example.net",
    "expirationDate": ${LATER},
    "hostOnly": false,
    "httpOnly": true,
    "name": "auth",
    "path": "/",
    "sameSite": "Lax",
    "secure": true,
    "session": false,
    "storeId": "0",
    "value": "t0k3n",
    "id": 2
}
]`;
    const { cookies, errors } = importCookies(text, { now: NOW });
    expect(errors).toEqual([]);
    expect(cookies.map((c) => [c.name, c.sameSite, c.hostOnly, c.session, c.expirationDate])).toEqual([
      ['lang', 'strict', true, true, undefined],
      ['auth', 'lax', false, false, LATER],
    ]);
    expect(cookies[0]).not.toHaveProperty('id');
  });

  it.each([
    ['no_restriction', 'none'],
    ['None', 'none'],
    ['none', 'none'],
    ['NO_RESTRICTION', 'none'],
    ['unspecified', 'unspecified'],
    ['Unspecified', 'unspecified'],
    ['', 'unspecified'],
    [null, 'unspecified'],
    [undefined, 'unspecified'],
    ['lax', 'lax'],
    ['Lax', 'lax'],
    ['strict', 'strict'],
    ['Strict', 'strict'],
  ])('maps sameSite %j to %s', (raw, expected) => {
    expect(sameSiteOf(raw)).toBe(expected);
    const entry = { name: 'a', value: 'b', domain: 'example.com', sameSite: raw };
    expect(importCookies(JSON.stringify([entry])).cookies[0]?.sameSite).toBe(expected);
  });

  it('fills what a minimal entry lacks: path /, host-only from the domain, session, store', () => {
    const text = JSON.stringify([
      { name: 'a', value: '1', domain: 'example.com' },
      { name: 'b', value: '2', domain: '.example.com', expires: -1 },
      { name: 'c', value: '3', domain: 'example.com', session: false },
      { name: 'd', value: '4' },
    ]);
    const { cookies, errors } = importCookies(text, {
      defaultStoreId: 'firefox-default',
      defaultDomain: 'site.example',
    });
    expect(errors).toEqual([]);
    const base = {
      path: '/',
      secure: false,
      httpOnly: false,
      sameSite: 'unspecified',
      session: true,
      storeId: 'firefox-default',
    };
    expect(cookies).toStrictEqual([
      { name: 'a', value: '1', domain: 'example.com', hostOnly: true, ...base },
      { name: 'b', value: '2', domain: '.example.com', hostOnly: false, ...base },
      { name: 'c', value: '3', domain: 'example.com', hostOnly: true, ...base },
      { name: 'd', value: '4', domain: 'site.example', hostOnly: true, ...base },
    ]);
  });
});

describe('JSON import errors', () => {
  const good = { name: 'ok', value: 'v', domain: 'example.com' };
  it.each([
    ['a number', 42, /not a cookie object/, 'entry 2'],
    ['null', null, /not a cookie object/, 'entry 2'],
    ['an array', [good], /not a cookie object/, 'entry 2'],
    ['no name', { value: 'v', domain: 'example.com' }, /"name"/, 'entry 2'],
    ['a numeric name', { ...good, name: 7 }, /"name"/, 'entry 2'],
    ['a name with "="', { ...good, name: 'a=b' }, /name contains ";" or "="/, 'entry 2 ("a=b")'],
    ['a name with a line break', { ...good, name: 'a\nb' }, /control character/, 'entry 2 ("a\\nb")'],
    ['a numeric value', { ...good, value: 5 }, /"value"/, 'entry 2 ("ok")'],
    ['no value', { name: 'a', domain: 'example.com' }, /"value"/, 'entry 2 ("a")'],
    ['a value with ";"', { ...good, value: 'a;b' }, /value contains ";"/, 'entry 2 ("ok")'],
    ['a value with NUL', { ...good, value: 'a\u0000' }, /control character/, 'entry 2 ("ok")'],
    ['empty name and value', { ...good, name: '', value: '' }, /empty name and value/, 'entry 2 (empty name)'],
    ['no domain', { name: 'a', value: 'b' }, /"domain"/, 'entry 2 ("a")'],
    ['an empty domain', { ...good, domain: '' }, /domain is empty/, 'entry 2 ("ok")'],
    ['a lone dot domain', { ...good, domain: '.' }, /domain is empty/, 'entry 2 ("ok")'],
    ['a URL as domain', { ...good, domain: 'https://example.com/' }, /character no host name has/, 'entry 2 ("ok")'],
    ['a double dot domain', { ...good, domain: 'a..example.com' }, /empty label/, 'entry 2 ("ok")'],
    ['a string expiry', { ...good, expirationDate: '1735689600' }, /expirationDate/, 'entry 2 ("ok")'],
    ['a boolean expiry', { ...good, expirationDate: true }, /expirationDate/, 'entry 2 ("ok")'],
    ['an unknown sameSite', { ...good, sameSite: 'relaxed' }, /unknown "sameSite" value "relaxed"/, 'entry 2 ("ok")'],
    ['a numeric sameSite', { ...good, sameSite: 1 }, /unknown "sameSite" value 1/, 'entry 2 ("ok")'],
    ['a string secure', { ...good, secure: 'true' }, /"secure" must be true or false/, 'entry 2 ("ok")'],
    ['a numeric hostOnly', { ...good, hostOnly: 1 }, /"hostOnly" must be true or false/, 'entry 2 ("ok")'],
    ['a relative path', { ...good, path: 'account' }, /"path"/, 'entry 2 ("ok")'],
    ['a numeric storeId', { ...good, storeId: 0 }, /"storeId"/, 'entry 2 ("ok")'],
    // A string is Playwright's partition key (read in tools.test.ts); a number is nobody's.
    ['a numeric partitionKey', { ...good, partitionKey: 1 }, /"partitionKey" must be an object/, 'entry 2 ("ok")'],
    ['a partitionKey without site', { ...good, partitionKey: {} }, /topLevelSite/, 'entry 2 ("ok")'],
    [
      'a bad hasCrossSiteAncestor',
      { ...good, partitionKey: { topLevelSite: 'x', hasCrossSiteAncestor: 'no' } },
      /hasCrossSiteAncestor/,
      'entry 2 ("ok")',
    ],
    ['a numeric firstPartyDomain', { ...good, firstPartyDomain: 1 }, /firstPartyDomain/, 'entry 2 ("ok")'],
    [
      'an inherited-looking __proto__ name',
      JSON.parse('{"__proto__": {"name": "x"}, "value": "v", "domain": "a.com"}'),
      /"name"/,
      'entry 2',
    ],
  ])('skips an entry with %s, with one error, and imports the rest', (_label, bad, reason, where) => {
    const result = importCookies(JSON.stringify([good, bad, { ...good, name: 'ok2' }]), { now: NOW });
    expect(result.cookies.map((c) => c.name)).toEqual(['ok', 'ok2']);
    expect(result.errors).toEqual([{ line: 2, where, reason: expect.stringMatching(reason) }]);
  });

  it('gives one error per bad entry, numbered by array index + 1', () => {
    const result = importCookies(JSON.stringify([1, good, 'x', null, { name: 'n' }]));
    expect(result.errors.map((e) => [e.line, e.where])).toEqual([
      [1, 'entry 1'],
      [3, 'entry 3'],
      [4, 'entry 4'],
      [5, 'entry 5 ("n")'],
    ]);
    expect(result.cookies).toHaveLength(1);
  });

  it('names the cookie an error is about (issue 15: "entry 2" alone does not say which)', () => {
    const long = 'n'.repeat(60);
    const text = JSON.stringify([
      good,
      { name: 'sid', value: 'a;b', domain: 'example.com' },
      { name: long, value: 'v', domain: 'example.com', secure: 'yes' },
      { name: '\u202Eevil\u0007', value: 'v', domain: '' },
      { name: 'ok', value: 'again', domain: 'example.com' },
    ]);
    expect(importCookies(text, { now: NOW }).errors).toEqual([
      { line: 2, where: 'entry 2 ("sid")', reason: expect.stringMatching(/value contains ";"/) },
      // A long name is cut to 40 characters; control characters are escaped, never shown raw.
      { line: 3, where: `entry 3 ("${'n'.repeat(40)}…")`, reason: '"secure" must be true or false' },
      { line: 4, where: 'entry 4 ("\u202Eevil\\u0007")', reason: expect.stringMatching(/control character/) },
      {
        line: 5,
        where: 'entry 5 ("ok")',
        reason: 'same name, domain, path and store as entry 1 ("ok"), which is imported instead',
      },
    ]);
  });

  it("reports invalid JSON once, at the parser's line and column", () => {
    const text = '[\n  {"name": "a", "value": "b",\n  }\n]';
    const result = importCookies(text);
    expect(result.format).toBe('json');
    expect(result.cookies).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 3, where: 'line 3, column 3' });
    expect(result.errors[0]?.reason).toMatch(/^not valid JSON: /);
  });

  it('reports truncated JSON at its end', () => {
    const result = importCookies('[\n{"name":');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(2);
    expect(result.errors[0]?.where).toMatch(/^line 2, column \d+$/);
  });

  it("reads Firefox's parser position (line and column in the message)", () => {
    const spy = vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new SyntaxError('JSON.parse: expected double-quoted property name at line 4 column 7 of the JSON data');
    });
    try {
      const result = importCookies('[\n\n\n  {  ,}]');
      expect(result.errors).toEqual([
        {
          line: 4,
          where: 'line 4, column 7',
          reason:
            'not valid JSON: JSON.parse: expected double-quoted property name at line 4 column 7 of the JSON data',
        },
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});
