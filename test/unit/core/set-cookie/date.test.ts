import { describe, expect, it } from 'vitest';
import { dateTokens, parseCookieDate } from '../../../../src/core/set-cookie/date';
import { defaultPath, pathMatches } from '../../../../src/core/set-cookie/path';

const iso = (text: string) => parseCookieDate(text)?.toISOString() ?? null;

describe('parseCookieDate (RFC 6265 §5.1.1)', () => {
  it('reads the IMF-fixdate a server should send', () => {
    expect(iso('Wed, 21 Oct 2026 07:28:00 GMT')).toBe('2026-10-21T07:28:00.000Z');
  });

  it('reads the older RFC 850 and asctime forms', () => {
    expect(iso('Sunday, 06-Nov-94 08:49:37 GMT')).toBe('1994-11-06T08:49:37.000Z');
    expect(iso('Sun Nov  6 08:49:37 1994')).toBe('1994-11-06T08:49:37.000Z');
  });

  it('maps two-digit years: 70-99 to 19xx, 00-69 to 20xx', () => {
    expect(iso('01 Jan 70 00:00:00')).toBe('1970-01-01T00:00:00.000Z');
    expect(iso('01 Jan 69 00:00:00')).toBe('2069-01-01T00:00:00.000Z');
  });

  it('takes the first token that fits each part, in the order time, day, month, year', () => {
    // "2019GMT" is a year followed by non-digits; "Augustus" is a month by its first three letters.
    expect(iso('8:4:19 07 Augustus 2019GMT')).toBe('2019-08-07T08:04:19.000Z');
  });

  it('ignores the time zone: every cookie date is UTC', () => {
    expect(iso('Wed, 21 Oct 2026 07:28:00 +0200')).toBe('2026-10-21T07:28:00.000Z');
  });

  it('fails when a part is missing or out of range', () => {
    expect(parseCookieDate('Wed, 21 Oct 2026')).toBeNull(); // no time
    expect(parseCookieDate('21 Foo 2026 07:28:00')).toBeNull(); // no month
    expect(parseCookieDate('32 Oct 2026 07:28:00')).toBeNull(); // day > 31
    expect(parseCookieDate('21 Oct 2026 24:00:00')).toBeNull(); // hour > 23
    expect(parseCookieDate('21 Oct 1600 07:28:00')).toBeNull(); // year < 1601
    expect(parseCookieDate('')).toBeNull();
  });

  it('fails for a day the month does not have', () => {
    expect(parseCookieDate('31 Feb 2026 00:00:00')).toBeNull();
    expect(iso('29 Feb 2024 00:00:00')).toBe('2024-02-29T00:00:00.000Z');
  });

  it('splits tokens on the delimiter set, keeping ":" and non-ASCII inside tokens', () => {
    expect(dateTokens('Wed, 21-Oct-2026 07:28:00 GMT')).toEqual(['Wed', '21', 'Oct', '2026', '07:28:00', 'GMT']);
    expect(dateTokens('ab\u00e9c/d')).toEqual(['ab\u00e9c', 'd']);
  });
});

describe('defaultPath and pathMatches (RFC 6265bis §5.1.4)', () => {
  it('uses the directory of the request path', () => {
    expect(defaultPath('/account/login')).toBe('/account');
    expect(defaultPath('/account/')).toBe('/account');
    expect(defaultPath('/login')).toBe('/');
    expect(defaultPath('/')).toBe('/');
    expect(defaultPath('')).toBe('/');
    expect(defaultPath('login')).toBe('/');
  });

  it('matches identical paths and sub-paths at a "/" boundary only', () => {
    expect(pathMatches('/docs', '/docs')).toBe(true);
    expect(pathMatches('/docs/a', '/docs')).toBe(true);
    expect(pathMatches('/docs/a', '/docs/')).toBe(true);
    expect(pathMatches('/docsearch', '/docs')).toBe(false);
    expect(pathMatches('/docs', '/docs/')).toBe(false);
    expect(pathMatches('/anything', '/')).toBe(true);
  });
});
