import { describe, expect, it } from 'vitest';
import { exportCookies, importCookies as importMessages } from '../../../../src/core/formats/index';
import type { Cookie } from '../../../../src/model/cookie';
import { enDeep } from '../../en';

/** An import with its errors worded in English, as an English page shows them. */
const importCookies = (...args: Parameters<typeof importMessages>) => enDeep(importMessages(...args));

function cookie(name: string, value: string): Cookie {
  return {
    name,
    value,
    domain: '.example.com',
    hostOnly: false,
    path: '/deep',
    secure: true,
    httpOnly: true,
    sameSite: 'strict',
    session: false,
    expirationDate: 4_000_000_000,
    storeId: '1',
  };
}

describe('Cookie header export', () => {
  it('joins name=value pairs with "; " in the order given', () => {
    expect(exportCookies([cookie('a', '1'), cookie('b', 'x=y'), cookie('c', '')], 'header')).toBe('a=1; b=x=y; c=');
  });

  it('writes a nameless cookie as its bare value, as browsers send it', () => {
    expect(exportCookies([cookie('', 'lonely'), cookie('a', '1')], 'header')).toBe('lonely; a=1');
  });

  it('writes nothing for no cookies', () => {
    expect(exportCookies([], 'header')).toBe('');
  });
});

describe('Cookie header import', () => {
  it('puts every pair on the default domain: host-only, path /, session, not Secure or HttpOnly', () => {
    const result = importCookies('sid=abc; theme=dark', { defaultDomain: 'WWW.Example.com', defaultStoreId: '1' });
    expect(result.format).toBe('header');
    expect(result.errors).toEqual([]);
    const base = {
      domain: 'www.example.com',
      hostOnly: true,
      path: '/',
      secure: false,
      httpOnly: false,
      sameSite: 'unspecified',
      session: true,
      storeId: '1',
    };
    expect(result.cookies).toStrictEqual([
      { name: 'sid', value: 'abc', ...base },
      { name: 'theme', value: 'dark', ...base },
    ]);
  });

  it("takes a leading-dot defaultDomain as the host, and store '0' by default", () => {
    const result = importCookies('a=1', { defaultDomain: '.example.com' });
    expect(result.cookies[0]).toMatchObject({ domain: 'example.com', hostOnly: true, storeId: '0' });
  });

  it('accepts a "Cookie:" prefix, loose whitespace, empty pairs, "=" inside values and several lines', () => {
    const result = importCookies('Cookie:  a = 1 ;; b=x==\n\ncookie: c=<script>alert(1)</script>;', {
      defaultDomain: 'example.com',
    });
    expect(result.errors).toEqual([]);
    expect(result.cookies.map((c) => [c.name, c.value])).toEqual([
      ['a', '1'],
      ['b', 'x=='],
      ['c', '<script>alert(1)</script>'],
    ]);
  });

  it('reads a pair without "=" as a nameless cookie (RFC 6265bis)', () => {
    const result = importCookies('a=1; lonely', { defaultDomain: 'example.com' });
    expect(result.cookies.map((c) => [c.name, c.value])).toEqual([
      ['a', '1'],
      ['', 'lonely'],
    ]);
  });

  it('reports the missing domain once and imports nothing', () => {
    const result = importCookies('a=1; b=2');
    expect(result).toStrictEqual({
      format: 'header',
      cookies: [],
      errors: [
        {
          line: 1,
          where: 'line 1',
          reason: 'a Cookie header carries no domain: choose the site to import into (defaultDomain)',
        },
      ],
    });
  });

  it('reports an unusable default domain', () => {
    const result = importCookies('a=1', { defaultDomain: 'https://example.com/' });
    expect(result.cookies).toEqual([]);
    expect(result.errors).toEqual([
      { line: 1, where: 'line 1', reason: expect.stringMatching(/^the domain contains a character/) },
    ]);
  });

  it('gives one error per bad pair with its line and position, and imports the rest', () => {
    const result = importCookies('a=1; b=\u0007; c=3\nd=4; =; e=5', { defaultDomain: 'example.com' });
    expect(result.cookies.map((c) => c.name)).toEqual(['a', 'c', 'd', 'e']);
    expect(result.errors).toEqual([
      { line: 1, where: 'line 1, pair 2', reason: 'the value contains a control character' },
      { line: 2, where: 'line 2, pair 2', reason: 'empty name and value' },
    ]);
  });

  it('keeps the first of two pairs with the same name (the one a server reads first) and reports the other', () => {
    const result = importCookies('a=1; a=2', { defaultDomain: 'example.com' });
    expect(result.cookies.map((c) => c.value)).toEqual(['1']);
    expect(result.errors).toEqual([
      {
        line: 1,
        where: 'line 1, pair 2',
        reason: 'same name, domain, path and store as line 1, pair 1, which is imported instead',
      },
    ]);
  });
});

describe('a pasted Cookie header with a nameless pair', () => {
  it('says "=bad" has no name, and reads a bare "c" as the nameless cookie a browser would send', () => {
    const result = importCookies('a=1; =bad; c', { defaultDomain: 'localhost' });
    expect(result.format).toBe('header');
    expect(result.cookies.map((c) => [c.name, c.value])).toEqual([
      ['a', '1'],
      ['', 'c'],
    ]);
    expect(result.errors).toEqual([
      {
        line: 1,
        where: 'line 1, pair 2',
        reason: '"=bad" has no name before "=" (a browser sends a nameless cookie as its bare value, without "=")',
      },
    ]);
  });
});
