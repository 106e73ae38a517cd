import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { asSent, setCookieHeaders } = await import('../../../src/background/set-cookie-log');

describe('Set-Cookie headers as the server sent them', () => {
  it("reads Firefox's byte-per-character UTF-8 as UTF-8 again", () => {
    const sent = 'rtl_value=invoice\u202Egnp.exe; Path=/';
    const asFirefoxGivesIt = Buffer.from(sent, 'utf8').toString('latin1');
    expect(asSent(asFirefoxGivesIt)).toBe(sent);
    expect(setCookieHeaders([{ name: 'Set-Cookie', value: `${asFirefoxGivesIt}\na=1` }])).toEqual([sent, 'a=1']);
  });

  it('leaves alone text that is not UTF-8 bytes, or already decoded', () => {
    expect(asSent('caf\u00e9=1')).toBe('caf\u00e9=1');
    expect(asSent('rtl=\u202E')).toBe('rtl=\u202E');
    expect(asSent('plain=1')).toBe('plain=1');
  });
});
