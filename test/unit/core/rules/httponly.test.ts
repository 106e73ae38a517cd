import { describe, expect, it } from 'vitest';
import { JWT, run, STRONG_ID, severity } from './helpers';

describe('missing-httponly-session', () => {
  it.each(['PHPSESSID', 'sid', '__Host-session', 'auth_token', 'connect.sid', '.AspNetCore.Cookies'])(
    'is high for the session-like %s without HttpOnly',
    (name) => {
      expect(severity('missing-httponly-session', { name, value: STRONG_ID, httpOnly: false })).toBe('high');
    },
  );
  it('is high for a JWT value under any name', () => {
    expect(severity('missing-httponly-session', { name: 'data', value: JWT, httpOnly: false })).toBe('high');
  });
  it('does not fire with HttpOnly', () => {
    expect(run('missing-httponly-session', { name: 'sid', value: STRONG_ID })).toBeNull();
  });
  it.each(['XSRF-TOKEN', 'csrftoken', 'csrf_token', '_csrf'])('exempts the anti-CSRF cookie %s', (name) => {
    expect(run('missing-httponly-session', { name, value: STRONG_ID, httpOnly: false })).toBeNull();
  });
  it('does not fire on a cookie that is not session-like', () => {
    expect(run('missing-httponly-session', { name: 'theme', httpOnly: false })).toBeNull();
  });
  it('says that Secure and SameSite do not protect against XSS, only HttpOnly does', () => {
    const text = run('missing-httponly-session', { name: 'sid', value: STRONG_ID, httpOnly: false })?.explanation ?? '';
    expect(text).toMatch(/Secure and SameSite do not prevent this/);
    expect(text).toMatch(/Only HttpOnly/);
    expect(text).toMatch(/XSS/);
  });
  it('fixes with HttpOnly', () => {
    expect(run('missing-httponly-session', { name: 'sid', value: STRONG_ID, httpOnly: false })?.fix).toBe('HttpOnly');
  });
});

describe('missing-httponly', () => {
  it('is low for an ordinary cookie without HttpOnly', () => {
    expect(severity('missing-httponly', { name: 'theme', httpOnly: false })).toBe('low');
  });
  it('leaves session-like cookies to missing-httponly-session', () => {
    expect(run('missing-httponly', { name: 'sid', value: STRONG_ID, httpOnly: false })).toBeNull();
  });
  it('exempts anti-CSRF cookies, which scripts must read', () => {
    expect(run('missing-httponly', { name: 'XSRF-TOKEN', value: STRONG_ID, httpOnly: false })).toBeNull();
  });
  it('does not fire with HttpOnly', () => {
    expect(run('missing-httponly', { name: 'theme' })).toBeNull();
  });
});

describe('token-readable-by-script', () => {
  it('is high for a JWT value without HttpOnly', () => {
    const hit = run('token-readable-by-script', { name: 'api', value: JWT, httpOnly: false });
    expect(hit?.severity).toBe('high');
    expect(hit?.explanation).toMatch(/JSON Web Token/);
  });
  it('is high for a long random token without HttpOnly', () => {
    const hit = run('token-readable-by-script', {
      name: 'remember',
      value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      httpOnly: false,
    });
    expect(hit?.severity).toBe('high');
    expect(hit?.explanation).toMatch(/long random token \(up to about 256 bits\)/);
  });
  it('does not fire with HttpOnly', () => {
    expect(run('token-readable-by-script', { name: 'api', value: JWT })).toBeNull();
  });
  it('does not fire on short or structured values', () => {
    expect(run('token-readable-by-script', { name: 'x', value: 'abc123', httpOnly: false })).toBeNull();
    expect(
      run('token-readable-by-script', { name: '_ga', value: 'GA1.1.1234567890.1700000000', httpOnly: false }),
    ).toBeNull();
    expect(
      run('token-readable-by-script', {
        name: 'prefs',
        value: 'lang-en_theme-dark_size-large_font-serif',
        httpOnly: false,
      }),
    ).toBeNull();
  });
  it('exempts anti-CSRF cookies even with token-like values', () => {
    expect(
      run('token-readable-by-script', {
        name: 'XSRF-TOKEN',
        value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        httpOnly: false,
      }),
    ).toBeNull();
  });
});
