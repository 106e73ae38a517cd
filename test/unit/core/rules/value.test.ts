import { describe, expect, it } from 'vitest';
import { cookieKey } from '../../../../src/model/cookie';
import { run, runOn, sampleCookie, severity } from './helpers';

describe('oversized', () => {
  it('is high over 4096 bytes of name plus value', () => {
    const hit = run('oversized', { name: 'big', value: 'x'.repeat(4094) });
    expect(hit?.severity).toBe('high');
    expect(hit?.explanation).toMatch(/4097 bytes/);
  });
  it('does not fire at exactly 4096 bytes', () => {
    expect(run('oversized', { name: 'big', value: 'x'.repeat(4093) })).toBeNull();
  });
  it('counts UTF-8 bytes, not characters', () => {
    // 'é' is two bytes: 2050 characters, 4100 bytes.
    expect(severity('oversized', { name: 'é', value: 'é'.repeat(2049) })).toBe('high');
  });
  it('does not quote the value', () => {
    const value = `SECRETSTART${'x'.repeat(5000)}`;
    const hit = run('oversized', { name: 'big', value });
    expect(JSON.stringify(hit)).not.toContain('SECRETSTART');
  });
});

describe('too-many-cookies', () => {
  const many = (n: number, overrides = {}) =>
    Array.from({ length: n }, (_, i) => sampleCookie({ name: `c${i}`, ...overrides }));

  it('is info on the first cookie of a site with more than 50', () => {
    const all = many(51);
    const hit = runOn('too-many-cookies', all[0]!, { all });
    expect(hit?.severity).toBe('info');
    expect(hit?.explanation).toMatch(/^51 cookies belong to "example.com"/);
  });
  it('is reported once, not on every cookie', () => {
    const all = many(60);
    const fired = all.filter((c) => runOn('too-many-cookies', c, { all }) !== null);
    expect(fired.map(cookieKey)).toEqual([cookieKey(all[0]!)]);
  });
  it('does not fire at 50', () => {
    const all = many(50);
    expect(all.every((c) => runOn('too-many-cookies', c, { all }) === null)).toBe(true);
  });
  it('counts the subdomains of one site together', () => {
    const all = [...many(30), ...many(21, { domain: 'shop.example.com' })];
    expect(runOn('too-many-cookies', all[0]!, { all })).not.toBeNull();
  });
  it('counts other sites and other cookie stores separately', () => {
    const all = [...many(30), ...many(21, { domain: 'example.net' }), ...many(21, { storeId: '1' })];
    expect(all.every((c) => runOn('too-many-cookies', c, { all }) === null)).toBe(true);
  });
});

describe('control-characters', () => {
  it('is high for a line break in the value', () => {
    const hit = run('control-characters', { value: 'a\r\nSet-Cookie: evil=1' });
    expect(hit?.severity).toBe('high');
    expect(hit?.explanation).toMatch(/value contains U\+000D/);
  });
  it('is high for a NUL or DEL in the name', () => {
    expect(run('control-characters', { name: 'a\u0000b' })?.explanation).toMatch(/name contains U\+0000/);
    expect(severity('control-characters', { name: 'a\u007fb' })).toBe('high');
  });
  it('flags a horizontal tab: RFC 6265bis allows it but Chromium refuses the cookie', () => {
    expect(run('control-characters', { value: 'a\tb' })?.explanation).toMatch(/value contains U\+0009/);
  });
  it('does not fire on printable values', () => {
    expect(run('control-characters', { value: 'a b;c"d' })).toBeNull();
  });
});

describe('non-token-value', () => {
  it.each([
    ['a b', 'space'],
    ['a,b', "','"],
    ['a;b', "';'"],
    ['a\\b', "'\\'"],
    ['café', 'U+00E9'],
    ['a"b', `'"'`],
  ])('is info for %j and names %s', (value, shown) => {
    const hit = run('non-token-value', { value });
    expect(hit?.severity).toBe('info');
    expect(hit?.explanation).toContain(shown);
  });
  it('accepts a double-quoted value of cookie-octets', () => {
    expect(run('non-token-value', { value: '"abc"' })).toBeNull();
  });
  it('accepts base64 and percent-encoding', () => {
    expect(run('non-token-value', { value: 'YWJj+/==' })).toBeNull();
    expect(run('non-token-value', { value: 'a%20b%2C' })).toBeNull();
  });
  it('leaves control characters to control-characters', () => {
    expect(run('non-token-value', { value: 'a\nb' })).toBeNull();
  });
  it('lists at most five characters', () => {
    expect(run('non-token-value', { value: ' ,;\\"é' })?.explanation).toMatch(/, \.\.\., outside/);
  });
});

describe('domain-non-ascii', () => {
  it('is medium for a Unicode domain and suggests the punycode form', () => {
    const hit = run('domain-non-ascii', { domain: '.bücher.example', hostOnly: false });
    expect(hit?.severity).toBe('medium');
    expect(hit?.fix).toBe('Domain=xn--bcher-kva.example');
  });
  it('falls back to the general fix when the domain does not parse', () => {
    const hit = run('domain-non-ascii', { domain: 'bü cher', hostOnly: true });
    expect(hit?.severity).toBe('medium');
    expect(hit?.fix).toBe('write Domain in its ASCII (punycode) form');
  });
  it('does not fire on ASCII domains', () => {
    expect(run('domain-non-ascii', { domain: 'xn--bcher-kva.example' })).toBeNull();
  });
});
