import { describe, expect, it } from 'vitest';
import {
  isCrossSite,
  isSecureRequest,
  partitionKeyFor,
  registrableDomain,
  siteOf,
  topLevelSiteOf,
} from '../../../src/core/site';

describe('siteOf', () => {
  it('gives the scheme and registrable domain of a URL, ws/wss read as http/https', () => {
    expect(siteOf('https://www.shop.co.uk/basket')).toEqual({ scheme: 'https', site: 'shop.co.uk' });
    expect(siteOf('wss://chat.example.com/socket')).toEqual({ scheme: 'https', site: 'example.com' });
    expect(siteOf('ws://example.com/')).toEqual({ scheme: 'http', site: 'example.com' });
  });

  it('takes a bare site without a scheme, cutting any path', () => {
    expect(siteOf('WWW.Example.com/page/x')).toEqual({ scheme: undefined, site: 'example.com' });
    expect(siteOf('example.com')).toEqual({ scheme: undefined, site: 'example.com' });
  });

  it('cuts a bare site at the first "/" after its last line break, as the regex /\\/.*$/ did', () => {
    expect(siteOf('a/b\nexample.com/x')).toEqual(siteOf('a/b\nexample.com'));
    expect(siteOf('a/b\nexample.com/x').site).toBe(registrableDomain('a/b\nexample.com'));
  });

  it('stays linear on 100 KB of slashes before a line break (the regex took seconds)', () => {
    const hostile = `${'/'.repeat(100_000)}\n`;
    const start = performance.now();
    const result = siteOf(hostile);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.scheme).toBeUndefined();
    expect(result.site).toBe(registrableDomain(hostile.toLowerCase()));
  });
});

describe('topLevelSiteOf, isCrossSite, partitionKeyFor', () => {
  it('writes a top-level site as a partition key does, https when the scheme is unknown', () => {
    expect(topLevelSiteOf('http://www.example.com/a')).toBe('http://example.com');
    expect(topLevelSiteOf('example.com')).toBe('https://example.com');
  });

  it('compares schemes in Chrome only (schemeful same-site)', () => {
    expect(isCrossSite('https://a.example.com/', 'https://b.example.com/', 'chrome')).toBe(false);
    expect(isCrossSite('https://example.com/', 'https://other.com/', 'firefox')).toBe(true);
    expect(isCrossSite('https://example.com/', 'http://example.com/', 'chrome')).toBe(true);
    expect(isCrossSite('https://example.com/', 'http://example.com/', 'firefox')).toBe(false);
    expect(isCrossSite('https://example.com/', 'example.com', 'chrome')).toBe(false);
  });

  it('adds hasCrossSiteAncestor in Chrome only', () => {
    expect(partitionKeyFor('https://embed.test/', 'https://www.shop.co.uk/', 'chrome')).toEqual({
      topLevelSite: 'https://shop.co.uk',
      hasCrossSiteAncestor: true,
    });
    expect(partitionKeyFor('https://embed.test/', 'https://shop.co.uk/', 'firefox')).toEqual({
      topLevelSite: 'https://shop.co.uk',
    });
  });
});

describe('isSecureRequest', () => {
  it('is true for https, wss and loopback hosts over http', () => {
    expect(isSecureRequest(new URL('https://example.com/'))).toBe(true);
    expect(isSecureRequest(new URL('wss://example.com/'))).toBe(true);
    expect(isSecureRequest(new URL('http://localhost:8080/'))).toBe(true);
    expect(isSecureRequest(new URL('http://127.0.0.1/'))).toBe(true);
    expect(isSecureRequest(new URL('http://[::1]/'))).toBe(true);
    expect(isSecureRequest(new URL('http://example.com/'))).toBe(false);
  });
});
