import { describe, expect, it } from 'vitest';
import { JWT, run, STRONG_ID, severity } from './helpers';

const partitioned = { partitionKey: { topLevelSite: 'https://news.example' } };

describe('partitioned-insecure', () => {
  it('is high for a partitioned cookie without Secure in Chrome', () => {
    expect(severity('partitioned-insecure', { ...partitioned, secure: false })).toBe('high');
  });
  it('also fires when the browser is unknown', () => {
    expect(
      severity('partitioned-insecure', { ...partitioned, secure: false }, { ctx: { browser: undefined as never } }),
    ).toBe('high');
  });
  it('does not fire in Firefox, where every isolated cookie has a partition key', () => {
    expect(run('partitioned-insecure', { ...partitioned, secure: false }, { ctx: { browser: 'firefox' } })).toBeNull();
  });
  it('does not fire with Secure or without a partition', () => {
    expect(run('partitioned-insecure', partitioned)).toBeNull();
    expect(run('partitioned-insecure', { secure: false })).toBeNull();
  });
});

describe('third-party-unpartitioned', () => {
  const page = { ctx: { pageUrl: 'https://www.news.example/article' } };
  it('is info for a cross-site SameSite=None cookie without a partition', () => {
    const hit = run('third-party-unpartitioned', { domain: '.ads.example', hostOnly: false, sameSite: 'none' }, page);
    expect(hit?.severity).toBe('info');
    expect(hit?.explanation).toMatch(/"ads.example", another site than the page \("www.news.example"\)/);
    expect(hit?.fix).toMatch(/^Partitioned/);
  });
  it('does not fire on a same-site cookie (another subdomain of the same site)', () => {
    expect(run('third-party-unpartitioned', { domain: 'cdn.news.example', sameSite: 'none' }, page)).toBeNull();
  });
  it('does not fire on a partitioned cookie', () => {
    expect(
      run('third-party-unpartitioned', { domain: 'ads.example', sameSite: 'none', ...partitioned }, page),
    ).toBeNull();
  });
  it('does not fire on a cross-site cookie that is not SameSite=None', () => {
    expect(run('third-party-unpartitioned', { domain: 'ads.example', sameSite: 'lax' }, page)).toBeNull();
  });
  it('uses the public suffix list: two github.io sites are cross-site', () => {
    const ctx = { ctx: { pageUrl: 'https://alice.github.io/' } };
    expect(severity('third-party-unpartitioned', { domain: 'bob.github.io', sameSite: 'none' }, ctx)).toBe('info');
  });
  it('does not fire when the page URL does not parse', () => {
    expect(
      run('third-party-unpartitioned', { domain: 'ads.example', sameSite: 'none' }, { ctx: { pageUrl: '' } }),
    ).toBeNull();
  });
});

describe('weak-session-id', () => {
  it('is medium for a short numeric session id', () => {
    const hit = run('weak-session-id', { name: 'sid', value: '100234' });
    expect(hit?.severity).toBe('medium');
    expect(hit?.explanation).toMatch(/at most about 19 bits of entropy \(6 characters from an alphabet of 10\)/);
  });
  it('fires under 64 bits: 15 hex characters is 60 bits', () => {
    expect(severity('weak-session-id', { name: 'PHPSESSID', value: '0123456789abcde' })).toBe('medium');
  });
  it('does not fire at 64 bits: 16 hex characters', () => {
    expect(run('weak-session-id', { name: 'PHPSESSID', value: '0123456789abcdef' })).toBeNull();
  });
  it('does not fire on a strong session id', () => {
    expect(run('weak-session-id', { name: 'sid', value: STRONG_ID })).toBeNull();
  });
  it('does not judge flags, empty values or JWTs', () => {
    expect(run('weak-session-id', { name: 'remember_me', value: '1' })).toBeNull();
    expect(run('weak-session-id', { name: 'logged_in', value: 'true' })).toBeNull();
    expect(run('weak-session-id', { name: 'sid', value: '' })).toBeNull();
    expect(run('weak-session-id', { name: 'token', value: JWT })).toBeNull();
  });
  it('does not fire on cookies that are not session-like', () => {
    expect(run('weak-session-id', { name: 'theme', value: '1234' })).toBeNull();
  });
});

describe('framework-session-name', () => {
  it.each([
    ['PHPSESSID', 'PHP'],
    ['JSESSIONID', 'Java servlets'],
    ['ASP.NET_SessionId', 'ASP.NET'],
    ['ASPSESSIONIDQQGGGRRA', 'classic ASP'],
    ['CFID', 'ColdFusion'],
    ['CFTOKEN', 'ColdFusion'],
    ['connect.sid', 'Express'],
    ['laravel_session', 'Laravel'],
    ['.AspNetCore.Session', 'ASP.NET Core'],
    ['__Host-PHPSESSID', 'PHP'],
  ])('is info for %s and names %s', (name, framework) => {
    const hit = run('framework-session-name', { name, value: STRONG_ID });
    expect(hit?.severity).toBe('info');
    expect(hit?.explanation).toContain(framework);
    expect(hit?.fix).toMatch(/__Host-id/);
  });
  it('does not fire on neutral names', () => {
    expect(run('framework-session-name', { name: '__Host-id', value: STRONG_ID })).toBeNull();
    expect(run('framework-session-name', { name: 'sid', value: STRONG_ID })).toBeNull();
    expect(run('framework-session-name', { name: '.AspNetCore.Culture', value: 'c=en' })).toBeNull();
  });
});
