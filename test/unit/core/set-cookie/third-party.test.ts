/**
 * Third-party cookie blocking, predicted when the caller knows the browser blocks third-party cookies
 * (the background reads Chrome's privacy.websites.thirdPartyCookiesAllowed).
 */
import { describe, expect, it } from 'vitest';
import { explainSetCookie } from '../../../../src/core/set-cookie/explain';
import { en } from '../../en';

const NOW = Date.UTC(2026, 0, 15);
const EMBED = 'https://widgets.example.com/frame';
const blocked = { now: NOW, topLevelSite: 'https://news.test/article', thirdPartyCookiesBlocked: true };

describe('explainSetCookie: third-party cookies blocked', () => {
  it('refuses an unpartitioned cookie from a cross-site response, with its own reason and the top-level site', () => {
    const e = explainSetCookie('a=1; Secure; SameSite=None', EMBED, blocked);
    expect(e.verdict).toBe('rejected');
    expect(e.reason).toBe('third-party-blocked');
    expect(en(e.message)).toContain('news.test');
    expect(en(e.hint!)).toContain('Partitioned');
  });

  it('stores it when the setting is unknown or third-party cookies are allowed', () => {
    const { thirdPartyCookiesBlocked: _, ...unknown } = blocked;
    expect(explainSetCookie('a=1; Secure; SameSite=None', EMBED, unknown).verdict).toBe('stored');
    expect(
      explainSetCookie('a=1; Secure; SameSite=None', EMBED, { ...blocked, thirdPartyCookiesBlocked: false }).verdict,
    ).toBe('stored');
  });

  it('still stores a partitioned cookie (CHIPS), and any cookie from a same-site response', () => {
    expect(explainSetCookie('a=1; Secure; SameSite=None; Partitioned', EMBED, blocked).verdict).toBe('stored');
    expect(explainSetCookie('a=1', 'https://news.test/api', blocked).verdict).toBe('stored');
    expect(explainSetCookie('a=1', 'https://cdn.news.test/api', blocked).verdict).toBe('stored');
  });

  it('gives the header its own reason first: a header the browser refuses anyway keeps that reason', () => {
    expect(explainSetCookie('a=1; SameSite=None', EMBED, blocked).reason).toBe('samesite-none-insecure');
    expect(explainSetCookie('a=1; Domain=other.test', EMBED, blocked).reason).toBe('domain-mismatch');
  });
});
