/**
 * curl, HTTPie, fetch and Set-Cookie exports: which cookies a request carries (the same as
 * CookieJar.cookiesFor, proven on generated cookies and URLs), their order, and quoting. The
 * commands run for real, against a real browser's Cookie header, in test/e2e/clients.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCookies } from '../../../../src/core/formats/index';
import { cookiesForRequest } from '../../../../src/core/formats/request';
import { CookieJar } from '../../../../src/core/set-cookie/jar';
import type { Cookie } from '../../../../src/model/cookie';
import { makeCookie } from '../../fixtures';
import { cookieArb } from './arbitraries';

const NOW = Date.UTC(2030, 0, 1);

describe('cookiesForRequest is CookieJar.cookiesFor without the public suffix list', () => {
  const urlArb = fc
    .tuple(
      fc.constantFrom('http', 'https', 'ws', 'wss'),
      fc.constantFrom('example.com', 'a.example.com', 'b.a.example.com', 'x.test.co.uk', 'localhost', 'x.localhost', '127.0.0.1'),
      fc.constantFrom('/', '/a', '/a/', '/a/b', '/ab'),
    )
    .map(([scheme, host, path]) => `${scheme}://${host}${path}`);
  const cookiesArb = fc.uniqueArray(cookieArb, {
    selector: (c) => JSON.stringify([c.storeId, c.partitionKey, c.firstPartyDomain, c.domain, c.path, c.name]),
    minLength: 6,
    maxLength: 25,
  });
  // Paths, hosts and partition sites (real sites, as browsers key partitions) that requests in urlArb can match.
  const SITES = ['https://example.com', 'http://example.com', 'https://test.co.uk', 'https://localhost', 'http://localhost', 'https://x.localhost', 'http://127.0.0.1'];
  const matching = cookiesArb.chain((cookies) =>
    fc
      .tuple(
        ...cookies.map(() =>
          fc.tuple(
            fc.constantFrom('/', '/a', '/a/b', '/ab'),
            fc.constantFrom('example.com', 'a.example.com', 'localhost', 'test.co.uk', '127.0.0.1'),
            fc.option(fc.constantFrom(...SITES), { freq: 2, nil: undefined }),
          ),
        ),
      )
      .map((overrides) =>
        cookies.map((c, i): Cookie => {
          const [path, host, site] = overrides[i] ?? ['/', 'example.com', undefined];
          const hostOnly = c.hostOnly || host === '127.0.0.1';
          const { partitionKey, ...rest } = c;
          const partitioned = partitionKey && site ? { partitionKey: { ...partitionKey, topLevelSite: site } } : {};
          return { ...rest, path, hostOnly, domain: hostOnly ? host : `.${host}`, ...partitioned };
        }),
      ),
  );

  it('same cookies, same order, for any URL and top-level page', () => {
    let sent = 0;
    let partitionedSent = 0;
    fc.assert(
      fc.property(matching, urlArb, fc.option(urlArb, { nil: undefined }), fc.integer({ min: 900_000_000, max: 2_000_000_000 }), (cookies, url, top, nowSeconds) => {
        const now = nowSeconds * 1000;
        const jar = new CookieJar(cookies, now);
        const expected = jar.cookiesFor(url, { now, ...(top ? { topLevelSite: top } : {}) });
        expect(cookiesForRequest(cookies, url, { now, ...(top ? { topLevelUrl: top } : {}) })).toEqual(expected);
        if (expected.length > 1) sent++;
        if (expected.some((c) => c.partitionKey)) partitionedSent++;
      }),
      { numRuns: 400 },
    );
    // The generated cases do exercise matching, ordering and partitions, not only empty answers.
    expect(sent).toBeGreaterThan(15);
    expect(partitionedSent).toBeGreaterThan(3);
  });

  it('a URL that does not parse carries nothing', () => {
    expect(cookiesForRequest([makeCookie()], 'not a url')).toEqual([]);
  });
});

const COOKIES: Cookie[] = [
  makeCookie({ name: 'root', value: 'r' }),
  makeCookie({ name: 'deep', value: 'd', path: '/app' }),
  makeCookie({ name: 'other', value: 'o', path: '/other' }),
  makeCookie({ name: 'sec', value: 's', secure: true }),
  makeCookie({ name: 'dom', value: 'x', domain: '.example.com', hostOnly: false }),
  makeCookie({ name: 'sub', value: 'y', domain: 'app.example.com' }),
  makeCookie({ name: 'old', value: 'gone', session: false, expirationDate: NOW / 1000 - 1 }),
  makeCookie({ name: 'quote', value: `it's "$HOME" \\n`, domain: 'app.example.com' }),
  makeCookie({ name: 'part', value: 'p', domain: 'app.example.com', secure: true, partitionKey: { topLevelSite: 'https://example.com' } }),
  makeCookie({ name: 'elsewhere', value: 'e', domain: 'app.example.com', secure: true, partitionKey: { topLevelSite: 'https://other.org' } }),
];

describe('curl', () => {
  it('sends the cookies for the URL: path, host, Secure, expiry and partition rules; longer paths first', () => {
    expect(exportCookies(COOKIES, 'curl', { url: 'http://localhost:8600/app/page', now: NOW })).toBe(
      `curl 'http://localhost:8600/app/page' -H 'Cookie: deep=d; root=r; sec=s'\n`,
    );
  });

  it("single-quotes for the shell: a ' in a value is closed, escaped and reopened; $ and \\ stay literal", () => {
    expect(exportCookies(COOKIES, 'curl', { url: 'https://app.example.com/', now: NOW })).toBe(
      `curl 'https://app.example.com/' -H 'Cookie: dom=x; sub=y; quote=it'\\''s "$HOME" \\n; part=p'\n`,
    );
  });

  it('over http to a non-loopback host leaves out Secure cookies (partitioned ones are Secure)', () => {
    expect(exportCookies(COOKIES, 'curl', { url: 'http://app.example.com/', now: NOW })).toBe(
      `curl 'http://app.example.com/' -H 'Cookie: dom=x; sub=y; quote=it'\\''s "$HOME" \\n'\n`,
    );
  });

  it('a partitioned cookie goes only to requests under its top-level site', () => {
    const fromOther = exportCookies(COOKIES, 'curl', { url: 'https://app.example.com/', topLevelUrl: 'https://www.other.org/', now: NOW });
    expect(fromOther).toContain('elsewhere=e');
    expect(fromOther).not.toContain('part=p');
  });

  it('no -H when no cookie applies', () => {
    expect(exportCookies(COOKIES, 'curl', { url: 'https://nothing.test/', now: NOW })).toBe(`curl 'https://nothing.test/'\n`);
  });

  it.each(['curl', 'httpie', 'fetch'] as const)('%s without a URL that parses throws, saying so', (format) => {
    expect(() => exportCookies(COOKIES, format)).toThrow(/need the URL/);
    expect(() => exportCookies(COOKIES, format, { url: 'localhost' })).toThrow(/need the URL/);
  });
});

describe('HTTPie', () => {
  it('GET and one Cookie: request item, the value as it is', () => {
    expect(exportCookies(COOKIES, 'httpie', { url: 'https://app.example.com/', now: NOW })).toBe(
      `http GET 'https://app.example.com/' 'Cookie:dom=x; sub=y; quote=it'\\''s "$HOME" \\n; part=p'\n`,
    );
    expect(exportCookies([], 'httpie', { url: 'https://a.test/' })).toBe(`http GET 'https://a.test/'\n`);
  });
});

describe('fetch', () => {
  it('a Node module snippet with the header as a JSON string', () => {
    expect(exportCookies(COOKIES, 'fetch', { url: 'https://app.example.com/', now: NOW })).toBe(
      [
        `const response = await fetch("https://app.example.com/", { headers: { Cookie: ${JSON.stringify(`dom=x; sub=y; quote=it's "$HOME" \\n; part=p`)} } });`,
        'console.log(response.status, await response.text());',
        '',
      ].join('\n'),
    );
  });
});

describe('Set-Cookie', () => {
  it('one header per cookie, with every attribute that recreates it', () => {
    const cookies = [
      makeCookie({ name: 'sid', value: 'a', httpOnly: true, secure: true, sameSite: 'strict' }),
      makeCookie({ name: 'd', value: 'b', domain: '.example.com', hostOnly: false, path: '/x', session: false, expirationDate: 1_900_000_000.7, sameSite: 'none', secure: true }),
      makeCookie({ name: 'p', value: 'c', secure: true, partitionKey: { topLevelSite: 'https://example.com' } }),
    ];
    expect(exportCookies(cookies, 'set-cookie')).toBe(
      [
        'Set-Cookie: sid=a; Path=/; Secure; HttpOnly; SameSite=Strict',
        'Set-Cookie: d=b; Domain=example.com; Path=/x; Expires=Sun, 17 Mar 2030 17:46:40 GMT; Secure; SameSite=None',
        'Set-Cookie: p=c; Path=/; Secure; Partitioned',
        '',
      ].join('\n'),
    );
  });
});
