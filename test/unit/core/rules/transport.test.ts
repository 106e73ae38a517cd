import { describe, expect, it } from 'vitest';
import { run, STRONG_ID, severity } from './helpers';

describe('missing-secure', () => {
  it('is high for a session-like cookie without Secure', () => {
    expect(severity('missing-secure', { name: 'sid', value: STRONG_ID, secure: false })).toBe('high');
  });
  it('is high for a JWT value whatever the name', () => {
    expect(
      severity('missing-secure', {
        name: 'data',
        value: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
        secure: false,
      }),
    ).toBe('high');
  });
  it('is low for another cookie without Secure', () => {
    expect(severity('missing-secure', { name: 'theme', secure: false })).toBe('low');
  });
  it('is low for an anti-CSRF cookie (not session-like) without Secure', () => {
    expect(severity('missing-secure', { name: 'XSRF-TOKEN', value: STRONG_ID, secure: false })).toBe('low');
  });
  it('does not fire on a Secure cookie', () => {
    expect(run('missing-secure', { name: 'sid', value: STRONG_ID })).toBeNull();
  });
  it('still fires for a localhost page over http: (ship Secure anyway)', () => {
    expect(severity('missing-secure', { secure: false }, { ctx: { pageUrl: 'http://localhost:3000/' } })).toBe('low');
  });
  it('the session explanation says why it matters for a session', () => {
    expect(run('missing-secure', { name: 'sid', value: STRONG_ID, secure: false })?.explanation).toMatch(/session/);
  });
});

describe('insecure-transport', () => {
  const http = { ctx: { pageUrl: 'http://example.com/login' } };
  it('is medium for a cookie on an http: page', () => {
    expect(severity('insecure-transport', { secure: false }, http)).toBe('medium');
  });
  it('is high for a session-like cookie on an http: page', () => {
    expect(severity('insecure-transport', { name: 'PHPSESSID', value: STRONG_ID, secure: false }, http)).toBe('high');
  });
  it('does not fire on https: pages', () => {
    expect(run('insecure-transport', { secure: false }, { ctx: { pageUrl: 'https://example.com/' } })).toBeNull();
  });
  it.each([
    'http://localhost/',
    'http://app.localhost:8080/',
    'http://127.0.0.1:5173/',
    'http://127.3.4.5/',
    'http://[::1]:8000/',
  ])('does not fire on the loopback page %s', (pageUrl) => {
    expect(run('insecure-transport', { secure: false }, { ctx: { pageUrl } })).toBeNull();
  });
  it('does not fire for a Secure cookie, which an http: page never receives', () => {
    expect(run('insecure-transport', { secure: true }, http)).toBeNull();
  });
  it('does not fire when the page URL does not parse', () => {
    expect(run('insecure-transport', { secure: false }, { ctx: { pageUrl: 'not a url' } })).toBeNull();
  });
  it('fix says to serve over https:', () => {
    expect(run('insecure-transport', { secure: false }, http)?.fix).toMatch(/https:.*Strict-Transport-Security/);
  });
});
