import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { exactUrl, getAlong, getAllUnder, getExact, removeOnce, toSetDetails, urlFor } = await import(
  '../../../src/background/cookie-api'
);
const { makeCookie } = await import('../fixtures');

beforeEach(() => fake.reset());

describe('URLs for a cookie', () => {
  it('brackets an IPv6 host exactly once, as Chrome ([::1]) and Firefox (::1) store it', () => {
    expect(urlFor({ domain: '[::1]', path: '/', secure: false })).toBe('http://[::1]/');
    expect(urlFor({ domain: '::1', path: '/a', secure: true })).toBe('https://[::1]/a');
    expect(urlFor({ domain: '.[::1]', path: '/', secure: false })).toBe('http://[::1]/');
  });

  it('uses https for Secure cookies, drops the leading dot and starts the path with a slash', () => {
    expect(urlFor({ domain: '.example.com', path: '/app', secure: true })).toBe('https://example.com/app');
    expect(urlFor({ domain: 'localhost', path: 'x', secure: false })).toBe('http://localhost/x');
  });
});

describe('writes', () => {
  it('leaves Domain out for a host-only cookie and keeps it for a domain cookie', () => {
    expect(toSetDetails(makeCookie({ name: 'a', domain: 'app.example.com' })).domain).toBeUndefined();
    expect(toSetDetails(makeCookie({ name: 'a', domain: '.example.com' })).domain).toBe('.example.com');
  });

  it('sends a session cookie without an expiry and a partitioned one with its key', () => {
    const details = toSetDetails(
      makeCookie({
        name: 'a',
        session: true,
        expirationDate: 99,
        partitionKey: { topLevelSite: 'https://top.example', hasCrossSiteAncestor: true },
      }),
    );
    expect(details.expirationDate).toBeUndefined();
    expect(details.partitionKey).toEqual({ topLevelSite: 'https://top.example', hasCrossSiteAncestor: true });
    expect(details.sameSite).toBe('unspecified');
  });
});

describe('reads and removal against the browser', () => {
  it('finds cookies at and below a domain, and one by its exact identity', async () => {
    fake.add({ name: 'a', domain: 'app.example.com', value: '1' });
    fake.add({ name: 'a', domain: '.example.com', hostOnly: false, value: '2' });
    fake.add({ name: 'b', domain: 'other.test', value: '3' });
    expect((await getAllUnder('example.com', '0')).map((c) => c.value).sort()).toEqual(['1', '2']);
    expect((await getExact(makeCookie({ name: 'a', domain: '.example.com', hostOnly: false })))?.value).toBe('2');
    expect(await getExact(makeCookie({ name: 'a', domain: 'example.com' }))).toBeUndefined();
  });

  it('removes through the URL of an IPv6 cookie', async () => {
    fake.add({ name: 'a', domain: '[::1]', value: '1' });
    await removeOnce(makeCookie({ name: 'a', domain: '[::1]' }));
    expect(fake.cookies()).toEqual([]);
  });
});

describe('Chromium: reads by URL, one host instead of the whole store', () => {
  it('finds a cookie by its URL whether Secure or not, without walking the store', async () => {
    fake.add({ name: 'a', domain: 'app.example.com', path: '/x', value: 'plain' });
    fake.add({ name: 'a', domain: '.example.com', hostOnly: false, secure: true, value: 'secure' });
    fake.add({ name: 'a', domain: 'other.test', value: 'elsewhere' });
    // Asked for as Secure, found though it is not (and the other way round).
    expect(
      (await getExact(makeCookie({ name: 'a', domain: 'app.example.com', path: '/x', secure: true })))?.value,
    ).toBe('plain');
    expect((await getExact(makeCookie({ name: 'a', domain: '.example.com', hostOnly: false })))?.value).toBe('secure');
    expect(await getExact(makeCookie({ name: 'a', domain: 'example.com' }))).toBeUndefined();
    expect(fake.storeWalks).toBe(0);
  });

  it('falls back to the whole store where a URL would not name the path or host exactly', async () => {
    expect(exactUrl({ domain: 'app.example.com', path: '/a b' }, true)).toBeUndefined();
    expect(exactUrl({ domain: 'app.example.com', path: '/ü' }, true)).toBeUndefined();
    expect(exactUrl({ domain: 'App.Example.com', path: '/' }, true)).toBe('https://App.Example.com/');
    expect(exactUrl({ domain: '[::1]', path: '/' }, false)).toBe('http://[::1]/');
    fake.add({ name: 'a', domain: 'app.example.com', path: '/a b', value: 'odd' });
    expect((await getExact(makeCookie({ name: 'a', domain: 'app.example.com', path: '/a b' })))?.value).toBe('odd');
    expect(fake.storeWalks).toBe(1);
  });

  it('answers what a removal at the URL takes along: same-name cookies sent there, not others', async () => {
    fake.add({ name: 'a', domain: 'app.example.com', path: '/sub', value: 'target' });
    fake.add({ name: 'a', domain: '.example.com', hostOnly: false, value: 'parent' });
    fake.add({ name: 'a', domain: 'app.example.com', path: '/other', value: 'other path' });
    fake.add({ name: 'a', domain: 'www.example.com', value: 'other host' });
    const along = await getAlong(makeCookie({ name: 'a', domain: 'app.example.com', path: '/sub' }));
    expect(along?.map((c) => c.value).sort()).toEqual(['parent', 'target']);
    expect(await getAlong(makeCookie({ name: 'a', domain: 'app.example.com', path: '/a b' }))).toBeUndefined();
  });
});
