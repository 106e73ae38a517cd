import { describe, expect, it } from 'vitest';
import {
  estimateEntropy,
  estimateEntropyBits,
  isAntiCsrf,
  isFlagValue,
  isJwtShaped,
  isLongRandomToken,
  isSessionLike,
  isSessionLikeName,
  sessionFramework,
  ZAP_SESSION_TOKEN_NAMES,
} from '../../../src/core/session-like';
import { fastestMs } from '../timing';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLWJ5dGVz';
/** base64url of `{"typ":"JWT"}`: JSON, but no alg. */
const NO_ALG_HEADER = 'eyJ0eXAiOiJKV1QifQ';

describe('isSessionLikeName', () => {
  it.each([...ZAP_SESSION_TOKEN_NAMES])('knows the ZAP default %s', (name) => {
    expect(isSessionLikeName(name)).toBe(true);
    expect(isSessionLikeName(name.toUpperCase())).toBe(true);
  });
  it.each([
    'ASPSESSIONIDQQGGGRRA',
    'ASP.NET_SessionId',
    'connect.sid',
    'laravel_session',
    '.AspNetCore.Cookies',
    '.AspNetCore.Identity.Application',
    'session',
    'user_session',
    'wp_login_hint',
    'oauth_state',
    'access_token',
    'remember_web_59ba36',
    'SID',
    'user_sid',
    '__Host-sid',
    '__Secure-next-auth.session-token',
  ])('treats %s as session-like', (name) => {
    expect(isSessionLikeName(name)).toBe(true);
  });
  it.each(['theme', '_ga', 'lang', 'side', 'inside_nav', '.AspNetCore.Culture', '', '__Host-'])(
    'does not treat %j as session-like',
    (name) => {
      expect(isSessionLikeName(name)).toBe(false);
    },
  );
  it.each([
    'XSRF-TOKEN',
    'csrftoken',
    'csrf_token',
    '_csrf',
    'CSRF-TOKEN',
    '__Host-csrf',
    '.AspNetCore.Antiforgery.x1',
  ])('treats the anti-CSRF cookie %s as anti-CSRF, never session-like', (name) => {
    expect(isAntiCsrf({ name })).toBe(true);
    expect(isSessionLikeName(name)).toBe(false);
    expect(isSessionLike({ name, value: JWT })).toBe(false);
  });
});

describe('isSessionLike', () => {
  it('is true for a JWT value under any name', () => {
    expect(isSessionLike({ name: 'data', value: JWT })).toBe(true);
  });
  it('is false for an ordinary name and value', () => {
    expect(isSessionLike({ name: 'theme', value: 'dark' })).toBe(false);
  });
});

describe('sessionFramework', () => {
  it.each([
    ['PHPSESSID', 'PHP'],
    ['jsessionid', 'Java servlets (Tomcat, Jetty, ...)'],
    ['SESS0123456789abcdef0123456789abcdef', 'Drupal'],
    ['wordpress_logged_in_abc', 'WordPress'],
    ['sessionid', 'Django'],
  ])('%s → %s', (name, framework) => {
    expect(sessionFramework(name)).toBe(framework);
  });
  it('is undefined for neutral names', () => {
    expect(sessionFramework('__Host-id')).toBeUndefined();
    expect(sessionFramework('session')).toBeUndefined();
  });
});

describe('isJwtShaped', () => {
  it('accepts a JWS', () => {
    expect(isJwtShaped(JWT)).toBe(true);
  });
  it('accepts an unsecured JWT (empty signature), a quoted one and a JWE', () => {
    const [header, payload] = JWT.split('.');
    expect(isJwtShaped(`${header}.${payload}.`)).toBe(true);
    expect(isJwtShaped(`"${JWT}"`)).toBe(true);
    // {"alg":"RSA-OAEP","enc":"A256GCM"}
    expect(isJwtShaped('eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn')).toBe(true);
  });
  it('rejects a header without alg, a header that is not JSON, and other shapes', () => {
    expect(isJwtShaped(`${NO_ALG_HEADER}.eyJzdWIiOiIxIn0.c2ln`)).toBe(false);
    expect(isJwtShaped('eyJub3QganNvbg.eyJzdWIiOiIxIn0.c2ln')).toBe(false);
    expect(isJwtShaped('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0')).toBe(false);
    expect(isJwtShaped('a.b.c')).toBe(false);
    expect(isJwtShaped('GA1.1.1234567890.1700000000')).toBe(false);
    expect(isJwtShaped('')).toBe(false);
  });
});

describe('estimateEntropy', () => {
  it('digits only: 10 symbols', () => {
    expect(estimateEntropy('123456')).toEqual({ bits: 6 * Math.log2(10), length: 6, alphabet: 10 });
  });
  it('hex (digits and a–f): 16 symbols, 4 bits a character', () => {
    expect(estimateEntropyBits('0123456789abcdef')).toBe(64);
    expect(estimateEntropyBits('0123456789ABCDEF')).toBe(64);
  });
  it('letters beyond f make the class a full alphabet', () => {
    expect(estimateEntropy('abcxyz12').alphabet).toBe(36);
    expect(estimateEntropy('aB3').alphabet).toBe(62);
  });
  it('counts each other character once and ignores = padding and quotes', () => {
    expect(estimateEntropy('ab-_cd==').alphabet).toBe(28);
    expect(estimateEntropy('ab-_cd==').length).toBe(6);
    expect(estimateEntropy('"abcd"').length).toBe(4);
  });
  it('is 0 for empty or single-symbol values', () => {
    expect(estimateEntropyBits('')).toBe(0);
    expect(estimateEntropyBits('=')).toBe(0);
  });
});

describe('isLongRandomToken', () => {
  it('accepts 32 hex characters (128 bits) and longer base64url', () => {
    expect(isLongRandomToken('0123456789abcdef0123456789abcdef')).toBe(true);
    expect(isLongRandomToken('mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX')).toBe(true);
    expect(isLongRandomToken('f47ac10b-58cc-4372-a567-0e02b2c3d479')).toBe(true);
  });
  it('rejects short, letters-only, digits-only and punctuated values', () => {
    expect(isLongRandomToken('0123456789abcdef0123456789abcde')).toBe(false);
    expect(isLongRandomToken('abcdefghijklmnopqrstuvwxyzabcdefgh')).toBe(false);
    expect(isLongRandomToken('12345678901234567890123456789012345')).toBe(false);
    expect(isLongRandomToken('GA1.1.1234567890.1700000000.abcdefgh')).toBe(false);
  });
});

describe('on hostile values (issue 11: never freeze)', () => {
  // `value.replace(/=+$/, '')` tried the run of `=` from each of its characters: 60,000 `=` followed
  // by anything else took seconds, in every audit of such a cookie.
  const equals = `a${'='.repeat(60_000)}b`;

  it('strips only trailing = padding, however long the run', () => {
    expect(estimateEntropy(`ab${'='.repeat(1000)}`).length).toBe(2);
    expect(estimateEntropy(`a${'='.repeat(1000)}b`).length).toBe(1002);
    expect(estimateEntropy('"ab=="').length).toBe(2);
    expect(isLongRandomToken(`0123456789abcdef0123456789abcdef${'='.repeat(1000)}`)).toBe(true);
    expect(isLongRandomToken(`0123456789abcdef0123456789abcde${'='.repeat(1000)}`)).toBe(false);
  });

  it('estimates, tells tokens and session-like values with 60,000 "=" in well under a second', () => {
    expect(fastestMs(() => estimateEntropy(equals), 100)).toBeLessThan(100);
    expect(fastestMs(() => isLongRandomToken(equals), 100)).toBeLessThan(100);
    expect(fastestMs(() => isSessionLike({ name: equals, value: equals }), 100)).toBeLessThan(100);
    expect(estimateEntropy(equals)).toMatchObject({ length: 60_002, alphabet: 27 });
    expect(isLongRandomToken(equals)).toBe(false);
  });
});

describe('isFlagValue', () => {
  it.each(['1', '0', 'true', 'FALSE', 'yes', 'no', 'on', 'off', 'deleted'])('%s is a flag', (v) => {
    expect(isFlagValue(v)).toBe(true);
  });
  it.each(['12', 'truthy', 'abc'])('%s is not a flag', (v) => {
    expect(isFlagValue(v)).toBe(false);
  });
});
