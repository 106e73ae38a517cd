import { describe, expect, it } from 'vitest';
import { explainSetCookie } from '../../../../src/core/set-cookie/explain';
import { parseSetCookie } from '../../../../src/core/set-cookie/parse';
import { fastestMs } from '../../timing';
import { enDeep } from '../../en';

const noteIds = (header: string) => parseSetCookie(header).notes.map((n) => n.id);

describe('parseSetCookie (RFC 6265bis §5.6)', () => {
  it('splits name and value at the first "=" and trims spaces and tabs', () => {
    const p = parseSetCookie(' \tsid = a=b=c \t; Path=/');
    expect(p.name).toBe('sid');
    expect(p.value).toBe('a=b=c');
    expect(p.nameless).toBe(false);
    expect(p.rejection).toBeUndefined();
  });

  it('makes a pair without "=" a nameless cookie whose value is the whole pair', () => {
    const p = parseSetCookie('token; Secure');
    expect(p).toMatchObject({ name: '', value: 'token', nameless: true, secure: true });
    expect(noteIds('token')).toContain('nameless');
  });

  it('keeps every attribute as written, with its position and offset', () => {
    const header = 'a=b; Path=/x ;secure;  SameSite = Lax';
    const p = parseSetCookie(header);
    expect(p.attributes.map(({ name, value, position }) => ({ name, value, position }))).toEqual([
      { name: 'Path', value: '/x', position: 0 },
      { name: 'secure', value: '', position: 1 },
      { name: 'SameSite', value: 'Lax', position: 2 },
    ]);
    for (const a of p.attributes) expect(header.slice(a.offset).startsWith(a.name)).toBe(true);
    expect(p).toMatchObject({ path: '/x', hasPath: true, secure: true, sameSite: 'lax', sameSiteRaw: 'Lax' });
  });

  it('matches attribute names case-insensitively and ignores the value of flag attributes', () => {
    const p = parseSetCookie('a=b; SECURE=no; httponly; PARTITIONED');
    expect(p).toMatchObject({ secure: true, httpOnly: true, partitioned: true });
  });

  it('lets the last of duplicate attributes win and says so', () => {
    const p = parseSetCookie('a=b; Path=/one; Domain=a.example; Path=/two');
    expect(p.path).toBe('/two');
    expect(p.attributes.map((a) => a.effective)).toEqual([false, true, true]);
    const note = p.notes.find((n) => n.id === 'duplicate-attribute');
    expect(enDeep(note)?.message).toContain('Path appears 2 times');
    expect(enDeep(note)?.message).toContain('/two');
  });

  it('falls back to the default path when the last Path is empty or relative', () => {
    expect(parseSetCookie('a=b; Path=/x; Path=').path).toBeUndefined();
    const p = parseSetCookie('a=b; Path=x/y');
    expect(p.path).toBeUndefined();
    expect(p.hasPath).toBe(true);
    expect(p.notes.map((n) => n.id)).toContain('path-invalid');
  });

  it('removes one leading dot from Domain and lower-cases it', () => {
    const p = parseSetCookie('a=b; Domain=.Example.COM');
    expect(p.domain).toBe('example.com');
    expect(p.notes.find((n) => n.id === 'domain-leading-dot')?.severity).toBe('info');
    expect(parseSetCookie('a=b; Domain=..example.com').domain).toBe('.example.com');
  });

  it('keeps an empty Domain as the empty string (host-only) and notes it', () => {
    const p = parseSetCookie('a=b; Domain=example.com; Domain=');
    expect(p.domain).toBe('');
    expect(p.notes.map((n) => n.id)).toContain('domain-empty');
  });

  it('accepts Max-Age only as an optionally negative run of digits', () => {
    expect(parseSetCookie('a=b; Max-Age=3600').maxAge).toBe(3600);
    expect(parseSetCookie('a=b; Max-Age=-1').maxAge).toBe(-1);
    const p = parseSetCookie('a=b; Max-Age=1.5');
    expect(p.maxAge).toBeUndefined();
    expect(p.notes.map((n) => n.id)).toContain('max-age-invalid');
    expect(parseSetCookie('a=b; Max-Age=+5').maxAge).toBeUndefined();
  });

  it('parses Expires with the cookie-date algorithm and notes an unreadable one', () => {
    expect(parseSetCookie('a=b; Expires=Wed, 21 Oct 2026 07:28:00 GMT').expires?.toISOString()).toBe(
      '2026-10-21T07:28:00.000Z',
    );
    const p = parseSetCookie('a=b; Expires=tomorrow');
    expect(p.expires).toBeUndefined();
    expect(enDeep(p.notes.find((n) => n.id === 'expires-unparseable'))?.message).toContain('Expires=tomorrow');
  });

  it('ignores an attribute value over 1024 bytes', () => {
    const long = `/${'x'.repeat(1024)}`;
    const p = parseSetCookie(`a=b; Path=/short; Path=${long}`);
    expect(p.path).toBe('/short');
    expect(enDeep(p.notes.find((n) => n.id === 'attribute-too-long'))?.message).toContain('1025 bytes');
  });

  it('treats an invalid SameSite as no SameSite', () => {
    const p = parseSetCookie('a=b; SameSite=Strict; SameSite=Nonee');
    expect(p.sameSite).toBeUndefined();
    expect(p.sameSiteRaw).toBe('Nonee');
    expect(enDeep(p.notes.find((n) => n.id === 'samesite-invalid'))?.message).toContain('Lax by default');
  });

  it('notes attributes browsers do not know', () => {
    expect(noteIds('a=b; Version=1; Comment=hi')).toEqual(['unknown-attribute', 'unknown-attribute']);
  });

  it('rejects a header with control characters anywhere, empty headers, and oversized name+value', () => {
    expect(parseSetCookie('a=b\u0000c').rejection).toBe('control-characters');
    expect(parseSetCookie('a=b; Path=/\r\nX').rejection).toBe('control-characters');
    expect(parseSetCookie('a=b\tc').rejection).toBeUndefined(); // HTAB is allowed
    expect(parseSetCookie('=').rejection).toBe('empty');
    expect(parseSetCookie('  ; Path=/').rejection).toBe('empty');
    expect(parseSetCookie(`a=${'x'.repeat(4095)}`).rejection).toBeUndefined(); // exactly 4096 bytes
    expect(parseSetCookie(`a=${'x'.repeat(4096)}`).rejection).toBe('too-large');
    expect(parseSetCookie(`a=${'é'.repeat(2048)}`).rejection).toBe('too-large'); // bytes, not characters
  });

  it('trims only spaces and tabs, however long the run', () => {
    expect(parseSetCookie(' \t a \t = \t b c \t ').value).toBe('b c');
    expect(parseSetCookie('a=\u00a0b\u00a0').value).toBe('\u00a0b\u00a0'); // not WSP: kept
    expect(parseSetCookie(`a=x${' '.repeat(1000)}x${'\t'.repeat(1000)}`).value).toBe(`x${' '.repeat(1000)}x`);
    expect(parseSetCookie(`a=b; ${' \t'.repeat(500)}Path${' '.repeat(500)}=${' '.repeat(500)}/p `).path).toBe('/p');
  });
});

describe('parseSetCookie on hostile headers (issue 11: never freeze)', () => {
  // The trim regex /^[ \t]+|[ \t]+$/g retried the run of spaces from each of its characters: 60,000
  // spaces took seconds in the background's webRequest listener and again in the explainer.
  const spaces = `a=x${' '.repeat(60_000)}x`;

  it('explains a value with 60,000 spaces inside in well under a second', () => {
    let verdict = '';
    const ms = fastestMs(() => {
      verdict = explainSetCookie(spaces, 'https://example.com/').reason ?? '';
    }, 100);
    expect(verdict).toBe('too-large');
    expect(ms).toBeLessThan(100);
  });

  it('parses 60,000 spaces and tabs in names and attribute values in well under a second', () => {
    const headers = [
      `x${' \t'.repeat(30_000)}x=1`,
      `a=b; Expires=x${' '.repeat(60_000)}x`,
      `a=b; Path=/${'\t'.repeat(60_000)}x; Domain=x${' '.repeat(60_000)}x`,
    ];
    for (const header of headers) {
      const ms = fastestMs(() => parseSetCookie(header), 100);
      expect(ms, header.slice(0, 20)).toBeLessThan(100);
    }
    expect(parseSetCookie(headers[1] ?? '').notes.map((n) => n.id)).toContain('attribute-too-long');
  });
});
