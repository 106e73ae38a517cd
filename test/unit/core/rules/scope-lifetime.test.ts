import { describe, expect, it } from 'vitest';
import { ruleById } from '../../../../src/core/rules/index';
import { run, SAMPLE_NOW, STRONG_ID, sampleCookie, severity } from './helpers';

const DAY = 86_400;
const nowS = SAMPLE_NOW / 1000;

describe('domain-wide', () => {
  const wide = { domain: '.example.com', hostOnly: false };
  it('is low for an ordinary domain cookie', () => {
    const hit = run('domain-wide', wide);
    expect(hit?.severity).toBe('low');
    expect(hit?.explanation).toMatch(/every host under "example.com"/);
    expect(hit?.fix).toMatch(/remove Domain/);
  });
  it('is medium for a session-like domain cookie', () => {
    expect(severity('domain-wide', { ...wide, name: 'sid', value: STRONG_ID })).toBe('medium');
  });
  it('does not fire on a host-only cookie', () => {
    expect(run('domain-wide', { name: 'sid', value: STRONG_ID })).toBeNull();
  });
});

describe('persistent-session', () => {
  it('is medium for a session-like cookie with an expiry, and names the date', () => {
    const hit = run('persistent-session', {
      name: 'laravel_session',
      value: STRONG_ID,
      session: false,
      expirationDate: Date.UTC(2025, 5, 1) / 1000,
    });
    expect(hit?.severity).toBe('medium');
    expect(hit?.explanation).toMatch(/until 2025-06-01/);
    expect(hit?.fix).toBe('remove Expires and Max-Age');
  });
  it('does not fire on a session-like browser-session cookie', () => {
    expect(run('persistent-session', { name: 'laravel_session', value: STRONG_ID })).toBeNull();
  });
  it('does not fire on a persistent cookie that is not session-like', () => {
    expect(run('persistent-session', { name: 'theme', session: false, expirationDate: nowS + DAY })).toBeNull();
  });
});

describe('long-lifetime', () => {
  it('is low past 400 days from ctx.now', () => {
    const hit = run('long-lifetime', { session: false, expirationDate: nowS + 730 * DAY });
    expect(hit?.severity).toBe('low');
    expect(hit?.explanation).toMatch(/expires in 730 days/);
  });
  it('does not fire at 400 days or less', () => {
    expect(run('long-lifetime', { session: false, expirationDate: nowS + 400 * DAY })).toBeNull();
    expect(run('long-lifetime', { session: false, expirationDate: nowS + 30 * DAY })).toBeNull();
  });
  it('judges against ctx.now, not the clock', () => {
    const expirationDate = nowS + 500 * DAY;
    expect(run('long-lifetime', { session: false, expirationDate })).not.toBeNull();
    expect(
      run('long-lifetime', { session: false, expirationDate }, { ctx: { now: SAMPLE_NOW + 200 * DAY * 1000 } }),
    ).toBeNull();
  });
  it('uses Date.now() when ctx.now is absent', () => {
    const rule = ruleById('long-lifetime');
    const at = (days: number) => ({
      cookie: sampleCookie({ session: false, expirationDate: Date.now() / 1000 + days * DAY }),
      all: [],
      ctx: { pageUrl: 'https://example.com/' },
    });
    expect(rule.check(at(401))).not.toBeNull();
    expect(rule.check(at(399))).toBeNull();
  });
  it('does not fire on session cookies', () => {
    expect(run('long-lifetime', { session: true })).toBeNull();
  });
});

describe('path-scoped-session', () => {
  it('is info for a session-like cookie with a narrower Path', () => {
    const hit = run('path-scoped-session', { name: 'JSESSIONID', value: STRONG_ID, path: '/shop' });
    expect(hit?.severity).toBe('info');
    expect(hit?.explanation).toMatch(/Path="\/shop"/);
    expect(hit?.fix).toBe('Path=/');
  });
  it('does not fire on Path=/', () => {
    expect(run('path-scoped-session', { name: 'JSESSIONID', value: STRONG_ID })).toBeNull();
  });
  it('does not fire on other cookies with a Path', () => {
    expect(run('path-scoped-session', { name: 'theme', path: '/shop' })).toBeNull();
  });
});
