import { describe, expect, it } from 'vitest';
import { bareDomain, type Cookie, cookieKey, cookieSize } from '../../../src/model/cookie';

const base: Cookie = {
  name: 'id',
  value: 'v',
  domain: 'example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  session: true,
  storeId: '0',
};

const keyOf = (c: Cookie) => cookieKey(c);

describe('cookieKey', () => {
  it('is the same for the same identity whatever the other attributes', () => {
    expect(keyOf({ ...base, value: 'other' })).toBe(keyOf(base));
    expect(keyOf({ ...base, secure: false, sameSite: 'none' })).toBe(keyOf(base));
  });

  it.each([
    ['name', { name: 'id2' }],
    ['domain', { domain: '.example.com' }],
    ['path', { path: '/sub' }],
    ['store', { storeId: '1' }],
    ['partition', { partitionKey: { topLevelSite: 'https://example.com' } }],
    ['partition ancestor bit', { partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: true } }],
    ['first-party domain', { firstPartyDomain: 'example.com' }],
  ])('differs when only the %s differs', (_what, change) => {
    expect(cookieKey({ ...base, ...change })).not.toBe(cookieKey(base));
  });

  it('ignores the case of the domain, as browsers do', () => {
    expect(cookieKey({ ...base, domain: 'Example.COM' })).toBe(cookieKey(base));
  });
});

describe('cookieSize', () => {
  it('counts name and value in UTF-8 bytes', () => {
    expect(cookieSize({ name: 'a', value: 'é' })).toBe(3);
  });
});

describe('bareDomain', () => {
  it('drops one leading dot, from a cookie or from a plain domain', () => {
    expect(bareDomain({ domain: '.example.com' })).toBe('example.com');
    expect(bareDomain('.example.com')).toBe('example.com');
    expect(bareDomain('example.com')).toBe('example.com');
    expect(bareDomain('..example.com')).toBe('.example.com');
    expect(bareDomain('')).toBe('');
  });
});
