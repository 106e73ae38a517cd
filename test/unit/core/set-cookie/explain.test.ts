import { describe, expect, it } from 'vitest';
import { type Cookie, cookieKey } from '../../../../src/model/cookie';
import { explainSetCookie } from '../../../../src/core/set-cookie/explain';
import { makeCookie } from '../../fixtures';
import { enDeep } from '../../en';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const DAY = 86400;

function existing(overrides: Partial<Cookie>): Cookie {
  return makeCookie({ name: 'sid', value: 'old', domain: 'example.com', sameSite: 'lax', ...overrides });
}

const explain = (header: string, url = 'https://example.com/account/login', options = {}) =>
  enDeep(explainSetCookie(header, url, { now: NOW, ...options }));
const noteIds = (header: string, url?: string, options = {}) => explain(header, url, options).notes.map((n) => n.id);

describe('explainSetCookie: the Flask case', () => {
  // set_cookie('username', 'JohnDoe', expires=3600) sends a date one hour after the Unix epoch.
  const header = 'username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/';

  it('says the cookie is deleted on arrival because its expiry is in the past', () => {
    const e = explain(header, 'http://127.0.0.1:5000/login');
    expect(e.verdict).toBe('deleted');
    expect(e.reason).toBeUndefined();
    expect(e.message).toContain('deleted on arrival');
    expect(e.message).toContain('1970-01-01 01:00:00 UTC');
    expect(e.message).toContain('in the past');
    expect(e.cookie).toMatchObject({ name: 'username', value: 'JohnDoe', path: '/', expirationDate: 3600 });
    expect(e.replaces).toBeUndefined();
  });

  it('hints that a lifetime in seconds belongs in Max-Age', () => {
    const e = explain(header, 'http://127.0.0.1:5000/login');
    expect(e.hint).toContain('Max-Age=3600');
    expect(e.hint).toContain('max_age=3600');
    expect(e.notes.map((n) => n.id)).toEqual(expect.arrayContaining(['expires-in-past', 'expires-near-epoch']));
  });

  it('gives no such hint for the deliberate deletion idiom (Expires at the epoch itself) or an old real date', () => {
    expect(explain('a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT').hint).toBeUndefined();
    const old = explain('a=; Expires=Sun, 06 Nov 1994 08:49:37 GMT');
    expect(old.verdict).toBe('deleted');
    expect(old.hint).toBeUndefined();
    expect(old.notes.map((n) => n.id)).not.toContain('expires-near-epoch');
  });
});

describe('explainSetCookie: verdicts', () => {
  it('stored: a new cookie, with its scope and lifetime', () => {
    const e = explain('sid=abc; Secure; HttpOnly; SameSite=Lax; Path=/; Max-Age=3600');
    expect(e.verdict).toBe('stored');
    expect(e.message).toContain('stores "sid"');
    expect(e.message).toContain('example.com only');
    expect(e.message).toContain('2026-01-15 13:00:00 UTC');
    expect(e.cookie).toEqual({
      name: 'sid',
      value: 'abc',
      domain: 'example.com',
      hostOnly: true,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
      session: false,
      expirationDate: NOW / 1000 + 3600,
      storeId: '0',
    });
  });

  it('stored: default path, domain cookie, session cookie, Firefox store', () => {
    const e = explain('a=1; Domain=.Example.com', 'https://www.example.com/account/login', { browser: 'firefox' });
    expect(e.verdict).toBe('stored');
    expect(e.cookie).toMatchObject({ domain: '.example.com', hostOnly: false, path: '/account', session: true });
    expect(e.cookie?.storeId).toBe('firefox-default');
    expect(e.cookie?.expirationDate).toBeUndefined();
    expect(e.message).toContain('example.com and its subdomains');
    expect(e.message).toContain('session cookie');
  });

  it('replaced: same name, domain, path and store as a cookie in the jar', () => {
    const old = existing({ path: '/account' });
    const e = explain('sid=new', 'https://example.com/account/login', { jar: [old] });
    expect(e.verdict).toBe('replaced');
    expect(e.replaces).toBe(cookieKey(old));
    expect(e.cookie?.value).toBe('new');
    expect(e.message).toContain('replaces the existing cookie "sid"');
  });

  it('stored, not replaced, when only the path, the host-only flag or the store differs', () => {
    const jar = [
      existing({ path: '/other' }),
      existing({ domain: '.example.com', hostOnly: false }),
      existing({ storeId: '1' }),
    ];
    expect(explain('sid=new; Path=/', undefined, { jar }).verdict).toBe('stored');
  });

  it('deleted: Max-Age=0 removes the existing cookie', () => {
    const old = existing({});
    const e = explain('sid=; Max-Age=0; Path=/', undefined, { jar: [old] });
    expect(e.verdict).toBe('deleted');
    expect(e.replaces).toBe(cookieKey(old));
    expect(e.cookie).toBe(old);
    expect(e.message).toContain('deletes the existing cookie "sid"');
    expect(e.message).toContain('Max-Age=0');
  });

  it('deleted: a past Expires with nothing to delete stores nothing', () => {
    const e = explain('sid=x; Expires=Wed, 01 Jan 2020 00:00:00 GMT');
    expect(e.verdict).toBe('deleted');
    expect(e.replaces).toBeUndefined();
    expect(e.message).toMatch(/^Nothing is stored/);
  });
});

describe('explainSetCookie: reject reasons', () => {
  const cases: Array<{ reason: string; header: string; url?: string; options?: object; says: string }> = [
    { reason: 'empty', header: ' = ; Path=/', says: 'neither a name nor a value' },
    { reason: 'control-characters', header: 'a=b\u0001c', says: 'control character (0x01)' },
    { reason: 'too-large', header: `big=${'x'.repeat(5000)}`, says: '5003 bytes' },
    {
      reason: 'secure-from-insecure-origin',
      header: 'a=1; Secure',
      url: 'http://example.com/',
      says: 'not a secure origin',
    },
    { reason: 'samesite-none-insecure', header: 'a=1; SameSite=None', says: 'Chrome requires Secure' },
    {
      reason: 'samesite-none-insecure',
      header: 'a=1; SameSite=None',
      options: { browser: 'firefox' },
      says: 'network.cookie.sameSite.noneRequiresSecure',
    },
    { reason: 'domain-mismatch', header: 'a=1; Domain=other.com', says: 'does not cover the host' },
    { reason: 'domain-mismatch', header: 'a=1; Domain=..example.com', says: 'does not cover the host' },
    { reason: 'domain-public-suffix', header: 'a=1; Domain=com', says: 'public suffix' },
    {
      reason: 'domain-public-suffix',
      header: 'a=1; Domain=github.io',
      url: 'https://me.github.io/',
      says: 'github.io',
    },
    {
      reason: 'invalid-prefix',
      header: '__Host-sid=1; Secure; Path=/; Domain=example.com',
      says: 'no Domain attribute',
    },
    { reason: 'invalid-prefix', header: '__Secure-sid=1', says: 'require Secure' },
    { reason: 'invalid-prefix', header: '__host-sid=1; Secure; Path=/app', says: 'case-insensitively' },
    { reason: 'invalid-prefix', header: '__Http-sid=1; Secure', says: 'HttpOnly' },
    { reason: 'nameless-prefix', header: '=__Secure-sid1', says: 'no name' },
    { reason: 'nameless-prefix', header: '__Host-x', says: 'no name' },
    { reason: 'httponly-from-script', header: 'a=1; HttpOnly', options: { fromScript: true }, says: 'document.cookie' },
    { reason: 'partitioned-insecure', header: 'a=1; Partitioned', says: 'must also be Secure' },
    { reason: 'non-ascii-domain', header: 'a=1; Domain=bücher.example', says: 'non-ASCII' },
    {
      reason: 'samesite-cross-site',
      header: 'a=1; Secure; SameSite=Lax',
      options: { topLevelSite: 'https://news.test' },
      says: 'cross-site to the top-level page',
    },
    {
      reason: 'third-party-blocked',
      header: 'a=1; Secure; SameSite=None',
      options: { topLevelSite: 'https://news.test', thirdPartyCookiesBlocked: true },
      says: 'block third-party cookies',
    },
    {
      reason: 'nameless-with-equals',
      header: '=a=b',
      options: { browser: 'firefox' },
      says: 'block_nameless_with_equal_char',
    },
  ];

  for (const c of cases) {
    it(`${c.reason}: ${JSON.stringify(c.header.slice(0, 60))}`, () => {
      const e = explain(c.header, c.url, c.options ?? {});
      expect(e.verdict).toBe('rejected');
      expect(e.reason).toBe(c.reason);
      expect(e.message).toContain(c.says);
      expect(e.message).toMatch(/ignores/);
      expect(e.hint).toBeTruthy();
      expect(e.cookie).toBeUndefined();
    });
  }

  it('overwrite-secure: http may not overwrite or shadow a Secure cookie', () => {
    const secure = existing({ secure: true, path: '/' });
    const e = explain('sid=evil; Path=/account', 'http://example.com/account/login', { jar: [secure] });
    expect(e.verdict).toBe('rejected');
    expect(e.reason).toBe('overwrite-secure');
    expect(e.message).toContain('Secure cookie with the same name');
    // A path the Secure cookie does not cover is allowed (the check is not symmetric).
    const narrow = existing({ secure: true, path: '/login' });
    expect(explain('sid=x; Path=/', 'http://example.com/', { jar: [narrow] }).verdict).toBe('stored');
    // From https it is an ordinary replacement.
    expect(explain('sid=new; Path=/; Secure', 'https://example.com/', { jar: [secure] }).verdict).toBe('replaced');
  });

  it('overwrite-httponly: document.cookie may not replace an HttpOnly cookie', () => {
    const e = explain('sid=x; Path=/', 'https://example.com/', {
      fromScript: true,
      jar: [existing({ httpOnly: true })],
    });
    expect(e.verdict).toBe('rejected');
    expect(e.reason).toBe('overwrite-httponly');
    expect(e.message).toContain('HttpOnly');
  });
});

describe('explainSetCookie: browser rules', () => {
  it('treats http://localhost and 127.0.0.1 as secure origins', () => {
    expect(explain('a=1; Secure', 'http://localhost:8080/').verdict).toBe('stored');
    expect(explain('a=1; Secure', 'http://127.0.0.1:8080/').verdict).toBe('stored');
    expect(explain('__Host-a=1; Secure; Path=/', 'http://localhost/').verdict).toBe('stored');
  });

  it('keeps a Domain equal to a public-suffix host as a host-only cookie', () => {
    const e = explain('a=1; Domain=github.io', 'https://github.io/');
    expect(e.verdict).toBe('stored');
    expect(e.cookie).toMatchObject({ domain: 'github.io', hostOnly: true });
    expect(e.notes.map((n) => n.id)).toContain('domain-public-suffix-host');
  });

  it('applies __Http- in both browsers; neither stores a nameless cookie whose value has "="', () => {
    expect(explain('__Http-a=1; Secure', undefined, { browser: 'firefox' }).reason).toBe('invalid-prefix');
    expect(explain('=a=b').reason).toBe('nameless-with-equals');
    expect(explain('=a=b').message).toContain('Chrome ignores');
  });

  it('stores a header without "=" as a name with an empty value in Firefox, a nameless cookie in Chrome', () => {
    expect(explain('token', undefined, { browser: 'firefox' }).cookie).toMatchObject({ name: 'token', value: '' });
    expect(explain('token').cookie).toMatchObject({ name: '', value: 'token' });
  });

  it('refuses Partitioned without Secure before SameSite=None without Secure (Chromium drops it first)', () => {
    expect(explain('a=1; SameSite=None; Partitioned').reason).toBe('partitioned-insecure');
  });

  it('takes Max-Age=+5 in Chrome only, and Domain=localhost from localhost as host-only in both', () => {
    expect(explain('a=1; Max-Age=+5', undefined, { now: 0 }).cookie?.expirationDate).toBe(5);
    expect(explain('a=1; Max-Age=+5', undefined, { now: 0, browser: 'firefox' }).cookie?.session).toBe(true);
    for (const browser of ['chrome', 'firefox'] as const) {
      for (const header of ['a=1; Domain=localhost', 'a=1; Domain=.localhost']) {
        expect(explain(header, 'https://localhost/', { browser }).cookie).toMatchObject({
          domain: 'localhost',
          hostOnly: true,
        });
      }
    }
    // __Host- with that Domain: Chromium refuses it for the attribute, Firefox keeps the host-only cookie.
    const hostPrefixed = '__Host-a=1; Secure; Path=/; Domain=localhost';
    expect(explain(hostPrefixed, 'https://localhost/').reason).toBe('invalid-prefix');
    expect(explain(hostPrefixed, 'https://localhost/', { browser: 'firefox' }).verdict).toBe('stored');
  });

  it('rejects a Lax-by-default cookie from a cross-site response in Chrome but not in Firefox', () => {
    const options = { topLevelSite: 'https://news.test/article' };
    expect(explain('a=1', undefined, options).reason).toBe('samesite-cross-site');
    expect(explain('a=1', undefined, { ...options, browser: 'firefox' }).verdict).toBe('stored');
    expect(explain('a=1; SameSite=None; Secure', undefined, options).verdict).toBe('stored');
    // Same site, different subdomain: fine.
    expect(explain('a=1', undefined, { topLevelSite: 'https://www.example.com/' }).verdict).toBe('stored');
    // Chrome's same-site is schemeful: http top-level page, https request.
    expect(explain('a=1', undefined, { topLevelSite: 'http://example.com/' }).reason).toBe('samesite-cross-site');
  });

  it('gives a partitioned cookie the top-level site as partition key', () => {
    const e = explain('a=1; Secure; Partitioned; SameSite=None', 'https://embed.example.com/', {
      topLevelSite: 'https://www.shop.co.uk/basket',
    });
    expect(e.cookie?.partitionKey).toEqual({ topLevelSite: 'https://shop.co.uk', hasCrossSiteAncestor: true });
    const ff = explain('a=1; Secure; Partitioned', 'https://example.com/', { browser: 'firefox' });
    expect(ff.cookie?.partitionKey).toEqual({ topLevelSite: 'https://example.com' });
  });

  it('throws on a request URL that is not absolute', () => {
    expect(() => explainSetCookie('a=1', '/relative')).toThrow(TypeError);
  });
});

describe('explainSetCookie: header notes', () => {
  it('samesite-invalid', () => {
    const e = explain('a=1; SameSite=Lax2');
    expect(e.verdict).toBe('stored');
    expect(e.cookie?.sameSite).toBe('unspecified');
    expect(e.notes.find((n) => n.id === 'samesite-invalid')?.severity).toBe('medium');
  });

  it('lifetime-capped: Max-Age and Expires beyond 400 days are capped', () => {
    const byMaxAge = explain(`a=1; Max-Age=${500 * DAY}`);
    expect(byMaxAge.cookie?.expirationDate).toBe(NOW / 1000 + 400 * DAY);
    expect(byMaxAge.notes.find((n) => n.id === 'lifetime-capped')?.message).toContain('500 days');
    const byExpires = explain('a=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT');
    expect(byExpires.cookie?.expirationDate).toBe(NOW / 1000 + 400 * DAY);
    expect(byExpires.notes.map((n) => n.id)).toContain('lifetime-capped');
    expect(noteIds(`a=1; Max-Age=${400 * DAY}`)).not.toContain('lifetime-capped');
  });

  it('expires-unparseable: the cookie becomes a session cookie', () => {
    const e = explain('a=1; Expires=next week');
    expect(e.cookie?.session).toBe(true);
    expect(e.notes.map((n) => n.id)).toContain('expires-unparseable');
  });

  it('attribute-too-long', () => {
    expect(noteIds(`a=1; Domain=${'a'.repeat(1100)}.com`)).toContain('attribute-too-long');
  });

  it('duplicate-attribute', () => {
    expect(noteIds('a=1; Secure; Secure')).toContain('duplicate-attribute');
  });

  it('max-age-overrides-expires: Max-Age wins even when Expires comes later', () => {
    const e = explain('a=1; Max-Age=60; Expires=Fri, 01 Jan 2027 00:00:00 GMT');
    expect(e.cookie?.expirationDate).toBe(NOW / 1000 + 60);
    expect(e.notes.map((n) => n.id)).toContain('max-age-overrides-expires');
  });

  it('expires-in-past', () => {
    expect(noteIds('a=1; Expires=Wed, 01 Jan 2020 00:00:00 GMT')).toContain('expires-in-past');
  });

  it('domain-leading-dot', () => {
    expect(noteIds('a=1; Domain=.example.com')).toContain('domain-leading-dot');
  });

  it('domain-empty: the cookie is host-only', () => {
    const e = explain('a=1; Domain=example.com; Domain=', 'https://www.example.com/');
    expect(e.cookie).toMatchObject({ domain: 'www.example.com', hostOnly: true });
    expect(e.notes.map((n) => n.id)).toContain('domain-empty');
  });

  it('nameless, max-age-invalid, path-invalid, unknown-attribute', () => {
    expect(noteIds('flag; Max-Age=1h; Path=app; Priority=High')).toEqual(
      expect.arrayContaining(['nameless', 'max-age-invalid', 'path-invalid', 'unknown-attribute']),
    );
  });

  it('a clean header has no notes', () => {
    expect(noteIds('sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=3600')).toEqual([]);
  });
});
