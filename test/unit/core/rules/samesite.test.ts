import { describe, expect, it } from 'vitest';
import { run, STRONG_ID, severity } from './helpers';

describe('samesite-none-insecure', () => {
  it('is high for SameSite=None without Secure', () => {
    expect(severity('samesite-none-insecure', { sameSite: 'none', secure: false })).toBe('high');
  });
  it('does not fire with Secure', () => {
    expect(run('samesite-none-insecure', { sameSite: 'none', secure: true })).toBeNull();
  });
  it('does not fire for other SameSite values without Secure', () => {
    expect(run('samesite-none-insecure', { sameSite: 'lax', secure: false })).toBeNull();
    expect(run('samesite-none-insecure', { sameSite: 'unspecified', secure: false })).toBeNull();
  });
});

describe('samesite-none', () => {
  it('is low for an ordinary cookie', () => {
    expect(severity('samesite-none', { sameSite: 'none' })).toBe('low');
  });
  it('is medium for a session-like cookie', () => {
    const hit = run('samesite-none', { name: 'sessionid', value: STRONG_ID, sameSite: 'none' });
    expect(hit?.severity).toBe('medium');
    expect(hit?.explanation).toMatch(/CSRF/);
  });
  it('leaves SameSite=None without Secure to samesite-none-insecure', () => {
    expect(run('samesite-none', { sameSite: 'none', secure: false })).toBeNull();
  });
  it('does not fire for Lax or Strict', () => {
    expect(run('samesite-none', { sameSite: 'lax' })).toBeNull();
    expect(run('samesite-none', { sameSite: 'strict' })).toBeNull();
  });
});

describe('samesite-unspecified', () => {
  it('is low for an ordinary cookie', () => {
    const hit = run('samesite-unspecified', { sameSite: 'unspecified' });
    expect(hit?.severity).toBe('low');
    expect(hit?.fix).toBe('SameSite=Lax');
  });
  it('is medium for a session-like cookie', () => {
    expect(severity('samesite-unspecified', { name: 'auth', value: STRONG_ID, sameSite: 'unspecified' })).toBe(
      'medium',
    );
  });
  it('is medium for an anti-CSRF cookie, with SameSite=Strict as the fix', () => {
    const hit = run('samesite-unspecified', { name: 'csrftoken', value: STRONG_ID, sameSite: 'unspecified' });
    expect(hit?.severity).toBe('medium');
    expect(hit?.fix).toBe('SameSite=Strict');
  });
  it('explains that browsers differ', () => {
    expect(run('samesite-unspecified', { sameSite: 'unspecified' })?.explanation).toMatch(/Chrome.*Lax.*Firefox/);
  });
  it('does not fire when SameSite is set', () => {
    for (const sameSite of ['none', 'lax', 'strict'] as const) {
      expect(run('samesite-unspecified', { sameSite })).toBeNull();
    }
  });
});

describe('samesite-lax-session', () => {
  it('is info for a session-like cookie with SameSite=Lax', () => {
    const hit = run('samesite-lax-session', { name: 'sid', value: STRONG_ID, sameSite: 'lax' });
    expect(hit?.severity).toBe('info');
    expect(hit?.fix).toMatch(/^SameSite=Strict/);
  });
  it('does not fire for Strict', () => {
    expect(run('samesite-lax-session', { name: 'sid', value: STRONG_ID, sameSite: 'strict' })).toBeNull();
  });
  it('does not fire for a Lax cookie that is not session-like', () => {
    expect(run('samesite-lax-session', { name: 'theme', sameSite: 'lax' })).toBeNull();
  });
});
