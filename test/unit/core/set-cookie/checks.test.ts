/** The explainer's checks one by one, and the order they run in. */
import { describe, expect, it } from 'vitest';
import { attributes } from '../../../../src/core/set-cookie/checks/attributes';
import { appliedDomain, domain } from '../../../../src/core/set-cookie/checks/domain';
import { CHECKS, contextFor, type ExplainOptions } from '../../../../src/core/set-cookie/checks/index';
import { jarEffect } from '../../../../src/core/set-cookie/checks/jar-effect';
import { lifetime, lifetimeOf, MAX_LIFETIME_SECONDS } from '../../../../src/core/set-cookie/checks/lifetime';
import { outcome } from '../../../../src/core/set-cookie/checks/outcome';
import { parserRejections } from '../../../../src/core/set-cookie/checks/parser';
import { prefixes } from '../../../../src/core/set-cookie/checks/prefixes';
import { thirdParty } from '../../../../src/core/set-cookie/checks/third-party';
import { explainSetCookie } from '../../../../src/core/set-cookie/explain';
import { makeCookie } from '../../fixtures';
import { enDeep } from '../../en';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ctx = (header: string, url = 'https://example.com/account/login', options: ExplainOptions = {}) =>
  contextFor(header, url, { now: NOW, ...options });

describe('the check order', () => {
  it('runs parser refusals, domain, prefixes, attributes, third-party blocking, lifetime, then the effect on the jar', () => {
    // Prefixes before attributes: Chromium 156 reports InvalidPrefix alone for a prefixed cookie
    // that also breaks an attribute rule (test/e2e/set-cookie-truth-chromium.test.ts).
    // Third-party blocking after the header's own rules: the browser blocks only a cookie it could store.
    expect(CHECKS).toEqual([parserRejections, domain, prefixes, attributes, thirdParty, lifetime, jarEffect]);
  });

  it.each([
    // [header, url, options, the earlier check's reason, the later check's reason]
    ['=__Secure-x; Domain=other.com', 'https://example.com/', {}, 'nameless-prefix', 'domain-mismatch'],
    ['a=1; Secure; Domain=other.com', 'http://example.com/', {}, 'domain-mismatch', 'secure-from-insecure-origin'],
    ['__Secure-a=1; HttpOnly', 'https://example.com/', { fromScript: true }, 'invalid-prefix', 'httponly-from-script'],
    [
      '__Host-a=1; Secure; SameSite=Lax',
      'https://a.test/app/login',
      { topLevelSite: 'https://b.test' },
      'invalid-prefix',
      'samesite-cross-site',
    ],
    ['__Host-a=1; SameSite=None', 'http://example.com/', {}, 'invalid-prefix', 'samesite-none-insecure'],
    [
      '__Host-sid=1; Path=/',
      'http://example.com/',
      { jar: [makeCookie({ name: '__Host-sid', domain: 'example.com', secure: true })] },
      'invalid-prefix',
      'overwrite-secure',
    ],
  ] as const)('%s: the earlier check decides', (header, url, options, first, second) => {
    expect(explainSetCookie(header, url, { now: NOW, ...options }).reason).toBe(first);
    const later = CHECKS.slice(CHECKS.findIndex((check) => check(ctx(header, url, options))?.reason === first) + 1);
    expect(later.map((check) => check(ctx(header, url, options))?.reason)).toContain(second);
  });
});

describe('parserRejections', () => {
  it('passes a plain header and refuses what the parser marked', () => {
    expect(parserRejections(ctx('a=1'))).toBeUndefined();
    expect(parserRejections(ctx('a=\u0007'))?.reason).toBe('control-characters');
    expect(parserRejections(ctx(' = '))?.reason).toBe('empty');
  });

  it('refuses "=a=b" in both browsers, "=a" in Firefox only', () => {
    expect(parserRejections(ctx('=a=b', undefined, { browser: 'firefox' }))?.reason).toBe('nameless-with-equals');
    expect(parserRejections(ctx('=a=b'))?.reason).toBe('nameless-with-equals');
    expect(parserRejections(ctx('=a', undefined, { browser: 'firefox' }))?.reason).toBe('nameless-with-equals');
    expect(parserRejections(ctx('=a'))).toBeUndefined();
    expect(parserRejections(ctx('a', undefined, { browser: 'firefox' }))).toBeUndefined();
  });

  it('refuses a tab inside the name or value in Chrome, inside the Path in both', () => {
    expect(enDeep(parserRejections(ctx('a=b\tc')))?.message).toContain('horizontal tab (0x09) inside the value');
    expect(parserRejections(ctx('a\tb=c'))?.reason).toBe('control-characters');
    expect(parserRejections(ctx('a=b\tc', undefined, { browser: 'firefox' }))).toBeUndefined();
    expect(parserRejections(ctx('a=\tb\t'))).toBeUndefined();
    expect(parserRejections(ctx('a=b; Path=/x\ty', undefined, { browser: 'firefox' }))?.reason).toBe(
      'control-characters',
    );
  });
});

describe('domain', () => {
  it('drops a Domain equal to a public-suffix host or an IP host', () => {
    expect(appliedDomain('github.io', 'github.io')).toBe('');
    expect(appliedDomain('192.168.0.1', '192.168.0.1')).toBe('');
    expect(appliedDomain('example.com', 'example.com')).toBe('example.com');
    expect(appliedDomain('example.com', 'www.example.com')).toBe('example.com');
    // Both browsers store Domain=localhost from localhost as a host-only cookie.
    expect(appliedDomain('localhost', 'localhost')).toBe('');
  });

  it('notes a public-suffix host instead of rejecting it', () => {
    const c = ctx('a=1; Domain=github.io', 'https://github.io/');
    expect(domain(c)).toBeUndefined();
    expect(c.notes.map((n) => n.id)).toEqual(['domain-public-suffix-host']);
    expect(c.draft.cookie).toMatchObject({ domain: 'github.io', hostOnly: true });
  });

  it('refuses a Domain that does not cover the host, with the site as the fix', () => {
    const r = enDeep(domain(ctx('a=1; Domain=other.com', 'https://www.example.com/')));
    expect(r?.reason).toBe('domain-mismatch');
    expect(r?.hint).toContain('Domain=example.com');
  });
});

describe('attributes', () => {
  it('lets Firefox take a cookie without SameSite from a cross-site response, not Chrome', () => {
    const options = { topLevelSite: 'https://news.test' };
    expect(attributes(ctx('a=1', undefined, options))?.reason).toBe('samesite-cross-site');
    expect(attributes(ctx('a=1', undefined, { ...options, browser: 'firefox' }))).toBeUndefined();
  });
});

describe('prefixes', () => {
  it('checks the cookie as it would be stored (host-only, default path)', () => {
    expect(prefixes(ctx('__Host-a=1; Secure', 'https://example.com/'))).toBeUndefined();
    const r = enDeep(prefixes(ctx('__Host-a=1; Secure', 'https://example.com/account/login')));
    expect(r?.reason).toBe('invalid-prefix');
    expect(r?.hint).toBe('Set Path=/, or rename the cookie without the prefix.');
  });

  it('applies all four prefixes in both browsers (Firefox ESR 153 enforces __Http- and __Host-Http- too)', () => {
    const header = '__Host-Http-a=1; Secure; Path=/';
    expect(enDeep(prefixes(ctx(header, undefined, { browser: 'firefox' })))?.message).toContain('require HttpOnly');
    expect(enDeep(prefixes(ctx(header)))?.message).toContain('require HttpOnly');
    expect(prefixes(ctx('__Http-a=1; Secure', undefined, { browser: 'firefox' }))?.reason).toBe('invalid-prefix');
    expect(prefixes(ctx('a', undefined, { browser: 'firefox' }))).toBeUndefined();
    // Every prefix needs a secure origin: Chromium says InvalidPrefix for a Secure one from http.
    expect(enDeep(prefixes(ctx('__Secure-a=1; Secure', 'http://example.com/')))?.message).toContain(
      'a secure origin (https)',
    );
    expect(prefixes(ctx('__Secure-a=1; Secure', 'http://localhost/'))).toBeUndefined();
    expect(prefixes(ctx('__Http-a; Secure', undefined, { browser: 'firefox' }))?.reason).toBe('invalid-prefix');
    expect(enDeep(prefixes(ctx('__http-a=1; Secure')))?.message).toContain('case-insensitively');
  });
});

describe('lifetime', () => {
  it('lets Max-Age win over Expires and caps at 400 days', () => {
    expect(lifetimeOf({ maxAge: 60, expires: new Date(0) }, NOW)).toEqual({ expiryMs: NOW + 60_000, capped: false });
    expect(lifetimeOf({ maxAge: -1 }, NOW)).toEqual({ expiryMs: 0, capped: false });
    expect(lifetimeOf({ maxAge: MAX_LIFETIME_SECONDS + 1 }, NOW)).toEqual({
      expiryMs: NOW + MAX_LIFETIME_SECONDS * 1000,
      capped: true,
    });
    expect(lifetimeOf({}, NOW)).toEqual({ expiryMs: undefined, capped: false });
  });

  it('never rejects, but notes what the header asked for', () => {
    const c = ctx('a=1; Max-Age=99999999; Expires=Fri, 01 Jan 2100 00:00:00 GMT');
    expect(lifetime(c)).toBeUndefined();
    expect(c.notes.map((n) => n.id)).toEqual(['max-age-overrides-expires', 'lifetime-capped']);
  });
});

describe('jarEffect and outcome', () => {
  const secure = makeCookie({ name: 'sid', domain: '.example.com', secure: true });

  it('refuses an http cookie that would shadow a Secure one of the same name, in either domain direction', () => {
    expect(jarEffect(ctx('sid=x', 'http://www.example.com/', { jar: [secure] }))?.reason).toBe('overwrite-secure');
    expect(jarEffect(ctx('sid=x', 'http://www.example.com/', { jar: [secure], storeId: '1' }))).toBeUndefined();
    expect(jarEffect(ctx('other=x', 'http://www.example.com/', { jar: [secure] }))).toBeUndefined();
  });

  it('replaces the cookie with the same identity, or deletes it when the expiry has passed', () => {
    const old = makeCookie({ name: 'sid', domain: 'example.com', path: '/account' });
    expect(outcome(ctx('sid=new', undefined, { jar: [old] }))).toMatchObject({
      verdict: 'replaced',
      cookie: { value: 'new' },
    });
    expect(outcome(ctx('sid=; Max-Age=0', undefined, { jar: [old] }))).toMatchObject({
      verdict: 'deleted',
      cookie: old,
    });
    expect(outcome(ctx('sid=new'))).toMatchObject({ verdict: 'stored' });
  });
});
