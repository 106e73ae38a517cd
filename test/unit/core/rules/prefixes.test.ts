import { describe, expect, it } from 'vitest';
import { run, STRONG_ID, severity } from './helpers';

describe('host-prefix-invalid', () => {
  it('is high for a __Host- cookie without Secure', () => {
    const hit = run('host-prefix-invalid', { name: '__Host-id', secure: false });
    expect(hit?.severity).toBe('high');
    expect(hit?.fix).toBe('Secure');
  });
  it('is high for a __Host- cookie with a Domain', () => {
    const hit = run('host-prefix-invalid', { name: '__Host-id', domain: '.example.com', hostOnly: false });
    expect(hit?.fix).toBe('remove Domain');
    expect(hit?.explanation).toMatch(/lacks: no Domain attribute/);
  });
  it('lists every broken requirement', () => {
    const hit = run('host-prefix-invalid', {
      name: '__Host-id',
      secure: false,
      path: '/app',
      domain: '.example.com',
      hostOnly: false,
    });
    expect(hit?.fix).toBe('Secure; remove Domain; Path=/');
  });
  it('applies to the prefix in another case too (browsers match it case-insensitively)', () => {
    expect(severity('host-prefix-invalid', { name: '__HOST-id', path: '/x' })).toBe('high');
  });
  it('does not fire on a valid __Host- cookie', () => {
    expect(run('host-prefix-invalid', { name: '__Host-id' })).toBeNull();
  });
  it('leaves __Host-Http- to http-prefix-invalid', () => {
    expect(run('host-prefix-invalid', { name: '__Host-Http-id', path: '/x' })).toBeNull();
  });
});

describe('secure-prefix-invalid', () => {
  it('is high for a __Secure- cookie without Secure', () => {
    expect(severity('secure-prefix-invalid', { name: '__Secure-id', secure: false })).toBe('high');
  });
  it('does not fire with Secure, whatever Domain and Path', () => {
    expect(
      run('secure-prefix-invalid', { name: '__Secure-id', domain: '.example.com', hostOnly: false, path: '/a' }),
    ).toBeNull();
  });
  it('does not fire on unprefixed cookies without Secure', () => {
    expect(run('secure-prefix-invalid', { name: 'Secure-id', secure: false })).toBeNull();
  });
});

describe('http-prefix-invalid', () => {
  it('is high for __Http- without HttpOnly', () => {
    const hit = run('http-prefix-invalid', { name: '__Http-id', httpOnly: false });
    expect(hit?.severity).toBe('high');
    expect(hit?.fix).toBe('HttpOnly');
  });
  it('is high for __Http- without Secure and HttpOnly', () => {
    expect(run('http-prefix-invalid', { name: '__Http-id', secure: false, httpOnly: false })?.fix).toBe(
      'Secure; HttpOnly',
    );
  });
  it('checks the host requirements of __Host-Http-', () => {
    const hit = run('http-prefix-invalid', { name: '__Host-Http-id', path: '/app' });
    expect(hit?.severity).toBe('high');
    expect(hit?.fix).toBe('Path=/');
  });
  it('does not fire on valid cookies', () => {
    expect(run('http-prefix-invalid', { name: '__Http-id', domain: '.example.com', hostOnly: false })).toBeNull();
    expect(run('http-prefix-invalid', { name: '__Host-Http-id' })).toBeNull();
  });
});

describe('prefix-case', () => {
  it('is low for __host-', () => {
    const hit = run('prefix-case', { name: '__host-id' });
    expect(hit?.severity).toBe('low');
    expect(hit?.fix).toBe('rename to "__Host-id"');
  });
  it('catches __SECURE- and __http-', () => {
    expect(severity('prefix-case', { name: '__SECURE-x' })).toBe('low');
    expect(severity('prefix-case', { name: '__http-x' })).toBe('low');
  });
  it('does not fire on exact prefixes or unprefixed names', () => {
    expect(run('prefix-case', { name: '__Host-id' })).toBeNull();
    expect(run('prefix-case', { name: '__Secure-id' })).toBeNull();
    expect(run('prefix-case', { name: 'host-id' })).toBeNull();
  });
});

describe('host-prefix-recommended', () => {
  it('is low for an unprefixed host-only session cookie, recommending __Host-', () => {
    const hit = run('host-prefix-recommended', { name: 'sid', value: STRONG_ID });
    expect(hit?.severity).toBe('low');
    expect(hit?.fix).toMatch(/^rename to __Host-/);
  });
  it('mentions __Secure- for a domain-wide session cookie', () => {
    const hit = run('host-prefix-recommended', {
      name: 'sid',
      value: STRONG_ID,
      domain: '.example.com',
      hostOnly: false,
    });
    expect(hit?.severity).toBe('low');
    expect(hit?.fix).toMatch(/__Secure-/);
  });
  it('does not fire on prefixed session cookies', () => {
    expect(run('host-prefix-recommended', { name: '__Host-sid', value: STRONG_ID })).toBeNull();
    expect(run('host-prefix-recommended', { name: '__Secure-sid', value: STRONG_ID })).toBeNull();
  });
  it('does not fire on cookies that are not session-like', () => {
    expect(run('host-prefix-recommended', { name: 'theme' })).toBeNull();
  });
});

describe('nameless', () => {
  it('is low for an empty name', () => {
    expect(severity('nameless', { name: '', value: 'abc' })).toBe('low');
  });
  it.each(['__Host-sid=x', '__Secure-a=b', '__host-sid=x', '__Http-x=1'])(
    'is high when the value %s starts like a prefix',
    (value) => {
      const hit = run('nameless', { name: '', value });
      expect(hit?.severity).toBe('high');
      expect(hit?.explanation).toMatch(/forged/);
    },
  );
  it('does not fire on a named cookie', () => {
    expect(run('nameless', { name: 'a', value: '__Host-x=1' })).toBeNull();
  });
});
