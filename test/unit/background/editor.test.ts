import { describe, expect, it, vi } from 'vitest';

// The editor words its refusals and warnings with browser.i18n: an English browser's.
vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
import { type CookieStore, deleteCookies, EditRefused, removeExactly, saveCookie } from '../../../src/background/editor';
import { revert } from '../../../src/background/revert';
import { type Cookie, cookieKey } from '../../../src/model/cookie';
import { sameIdentity } from '../../../src/model/cookie-compare';
import { makeCookie } from '../fixtures';

const NOW = Date.UTC(2026, 10, 26);

function cookie(name: string, extra: Partial<Cookie> = {}): Cookie {
  return makeCookie({ name, domain: 'app.example.com', secure: true, httpOnly: true, sameSite: 'lax', ...extra });
}

/** A cookie jar that removes the way Chromium 156 does (every same-name cookie sent to the URL) or Firefox (one). */
class FakeStore implements CookieStore {
  jar = new Map<string, Cookie>();
  writes = 0;
  constructor(
    private readonly removal: 'chromium' | 'firefox',
    private readonly refuse: (c: Cookie) => string | undefined = () => undefined,
    /** Cookies the browser will not remove (e.g. a path its URL parser cannot address). */
    private readonly stuck: (c: Cookie) => boolean = () => false,
  ) {}
  add(...cookies: Cookie[]) {
    for (const c of cookies) this.jar.set(cookieKey(c), c);
    return this;
  }
  async getExact(c: Cookie) {
    return [...this.jar.values()].find((stored) => sameIdentity(c, stored));
  }
  async getAllNamed(name: string, storeId: string) {
    return [...this.jar.values()].filter((c) => c.name === name && c.storeId === storeId);
  }
  async write(c: Cookie) {
    const reason = this.refuse(c);
    if (reason) throw new Error(reason);
    this.writes++;
    // Like Chrome, fill in the partition's cross-site ancestor bit the request left open.
    const stored =
      c.partitionKey && c.partitionKey.hasCrossSiteAncestor === undefined
        ? { ...c, partitionKey: { ...c.partitionKey, hasCrossSiteAncestor: false } }
        : { ...c };
    this.jar.set(cookieKey(stored), stored);
  }
  async removeOnce(target: Cookie) {
    if (this.stuck(target)) return;
    const host = target.domain.replace(/^\./, '');
    const sentToUrl = [...this.jar.values()].filter((c) => {
      const d = c.domain.replace(/^\./, '');
      const domainOk = c.hostOnly ? d === host : host === d || host.endsWith(`.${d}`);
      const pathOk = target.path === c.path || target.path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`);
      return c.name === target.name && c.storeId === target.storeId && domainOk && pathOk &&
        JSON.stringify(c.partitionKey) === JSON.stringify(target.partitionKey);
    });
    const victims =
      this.removal === 'chromium' ? sentToUrl : sentToUrl.sort((a, b) => b.path.length - a.path.length).slice(0, 1);
    for (const v of victims) this.jar.delete(cookieKey(v));
  }
  snapshot() {
    return [...this.jar.values()].map((c) => ({ ...c })).sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));
  }
}

describe.each(['chromium', 'firefox'] as const)('removeExactly (%s remove semantics)', (removal) => {
  it('deletes only the targeted cookie among same-name cookies on /, /sub and /sub/deep', async () => {
    const root = cookie('dup', { path: '/' });
    const sub = cookie('dup', { path: '/sub' });
    const deep = cookie('dup', { path: '/sub/deep' });
    const store = new FakeStore(removal).add(root, sub, deep);
    await removeExactly(store, deep);
    expect(store.snapshot()).toEqual([root, sub].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b))));
  });

  it('keeps a parent-domain cookie of the same name', async () => {
    const host = cookie('id');
    const parent = cookie('id', { domain: '.example.com', hostOnly: false });
    const store = new FakeStore(removal).add(host, parent);
    await removeExactly(store, host);
    expect(store.snapshot()).toEqual([parent]);
  });
});

describe('saveCookie', () => {
  it('edits a value in place', async () => {
    const original = cookie('id', { value: 'old' });
    const store = new FakeStore('chromium').add(original);
    const { saved, change } = await saveCookie(store, original, { ...original, value: 'new' }, NOW);
    expect(saved.value).toBe('new');
    expect(store.snapshot()).toEqual([{ ...original, value: 'new' }]);
    expect(change.before).toEqual([original]);
  });

  it('renames: the new cookie exists, the old is gone, nothing else changed', async () => {
    const original = cookie('old');
    const bystander = cookie('old', { path: '/sub' });
    const store = new FakeStore('chromium').add(original, bystander);
    await saveCookie(store, original, { ...original, name: 'new' }, NOW);
    expect(store.snapshot().map((c) => `${c.name}${c.path}`).sort()).toEqual(['new/', 'old/sub']);
  });

  it('leaves the original untouched and passes on the browser reason when the browser refuses', async () => {
    const original = cookie('id', { value: 'keep', sameSite: 'lax' });
    const store = new FakeStore('chromium', (c) =>
      c.sameSite === 'none' && !c.secure ? 'Failed to parse or set cookie named "id".' : undefined,
    ).add(original);
    await expect(
      saveCookie(store, original, { ...original, name: 'renamed', sameSite: 'none', secure: false }, NOW),
    ).rejects.toThrow('Failed to parse or set cookie named "id".');
    expect(store.snapshot()).toEqual([original]);
  });

  it.each([
    ['__Host- with a Domain', { name: '__Host-id', domain: '.example.com', hostOnly: false }, '__Host-'],
    ['__Secure- without Secure', { name: '__Secure-id', secure: false }, 'Secure'],
    ['an expiry in the past', { session: false, expirationDate: NOW / 1000 - 60 }, 'in the past'],
    ['a semicolon in the value', { value: 'a;b' }, ';'],
    ['no name and no value', { name: '', value: '' }, 'name or a value'],
  ])('refuses %s before asking the browser', async (_what, change, message) => {
    const original = cookie('id');
    const store = new FakeStore('firefox').add(original);
    const error = await saveCookie(store, original, { ...original, ...change }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditRefused);
    expect((error as Error).message).toContain(message);
    expect(store.writes).toBe(0);
    expect(store.snapshot()).toEqual([original]);
  });

  it('keeps the partition when editing a partitioned cookie', async () => {
    const original = cookie('chips', { partitionKey: { topLevelSite: 'https://example.com' } });
    const unpartitioned = cookie('chips');
    const store = new FakeStore('chromium').add(original, unpartitioned);
    await saveCookie(store, original, { ...original, value: 'x' }, NOW);
    expect(store.snapshot().find((c) => c.partitionKey)?.value).toBe('x');
    expect(store.snapshot().find((c) => !c.partitionKey)?.value).toBe('v');
  });
});

describe('undo', () => {
  it('delete then revert restores an identical cookie', async () => {
    const original = cookie('id', { session: false, expirationDate: NOW / 1000 + 3600, sameSite: 'strict' });
    const store = new FakeStore('chromium').add(original);
    const { change } = await deleteCookies(store, [original]);
    expect(store.snapshot()).toEqual([]);
    expect(await revert(store, change, { now: NOW })).toMatchObject({ expired: [], failed: [], retry: { before: [], after: [] }, conflicts: [] });
    expect(store.snapshot()).toEqual([original]);
  });

  it('an edit reverted brings back the original and removes the renamed one', async () => {
    const original = cookie('old', { value: '1' });
    const store = new FakeStore('firefox').add(original);
    const { change } = await saveCookie(store, original, { ...original, name: 'new', value: '2' }, NOW);
    await revert(store, change, { now: NOW });
    expect(store.snapshot()).toEqual([original]);
  });

  it('does not bring back a cookie that expired in the meantime, and says so', async () => {
    const shortLived = cookie('otp', { session: false, expirationDate: NOW / 1000 + 60 });
    const store = new FakeStore('chromium').add(shortLived);
    const { change } = await deleteCookies(store, [shortLived]);
    const later = NOW + 120_000;
    expect(await revert(store, change, { now: later })).toMatchObject({ expired: [shortLived], failed: [], retry: { before: [], after: [] }, conflicts: [] });
    expect(store.snapshot()).toEqual([]);
  });
});

describe('partial failures are reported, and what was done stays undoable', () => {
  it('a new partitioned cookie is found although the browser fills in its ancestor bit', async () => {
    const store = new FakeStore('chromium');
    const { saved, change } = await saveCookie(
      store,
      undefined,
      cookie('chip', { partitionKey: { topLevelSite: 'https://example.com' } }),
      NOW,
    );
    expect(saved.partitionKey).toEqual({ topLevelSite: 'https://example.com', hasCrossSiteAncestor: false });
    expect(change).toEqual({ before: [], after: [saved] });
  });

  it('delete all goes on past a cookie the browser will not remove, and reports it', async () => {
    const a = cookie('a');
    const stuck = cookie('b', { path: '/odd path' });
    const c = cookie('c');
    const store = new FakeStore('chromium', undefined, (x) => x.name === 'b').add(a, stuck, c);
    const { change, failed, missing } = await deleteCookies(store, [a, stuck, c, cookie('gone')]);
    expect(change.before.map((x) => x.name)).toEqual(['a', 'c']);
    expect(failed.map((f) => f.cookie.name)).toEqual(['b']);
    expect(missing.map((x) => x.name)).toEqual(['gone']);
    expect(store.snapshot().map((x) => x.name)).toEqual(['b']);
  });

  it('a rename whose old cookie cannot be removed keeps both and warns, journaling the new one', async () => {
    const original = cookie('old');
    const store = new FakeStore('chromium', undefined, (x) => x.name === 'old').add(original);
    const { saved, change, warning } = await saveCookie(store, original, { ...original, name: 'new' }, NOW);
    expect(warning).toMatch(/could not be removed, so both exist now/);
    expect(change).toEqual({ before: [], after: [saved] });
    expect(store.snapshot().map((x) => x.name).sort()).toEqual(['new', 'old']);
  });
});

describe('undo never loses the value it was asked to bring back', () => {
  it('a refused write-back of an edit leaves the current cookie and keeps the original for a retry', async () => {
    const original = cookie('id', { value: 'v1' });
    let refuse = false;
    const store = new FakeStore('chromium', (c) => (refuse && c.value === 'v1' ? 'quota' : undefined)).add(original);
    const { change } = await saveCookie(store, original, { ...original, value: 'v2' }, NOW);
    refuse = true;
    const { failed, retry } = await revert(store, change, { now: NOW });
    expect(failed.map((f) => f.reason)).toEqual(['quota']);
    expect(store.snapshot().map((c) => c.value)).toEqual(['v2']);
    expect(retry.before).toEqual([original]);
    refuse = false;
    await revert(store, retry, { now: NOW });
    expect(store.snapshot()).toEqual([original]);
  });

  it('a same-name cookie that went along and could not be written back is journaled with the delete', async () => {
    const host = cookie('dup');
    const parent = cookie('dup', { domain: '.example.com', hostOnly: false });
    let refuse = true;
    const store = new FakeStore('chromium', (c) => (refuse && c.domain === '.example.com' ? 'refused' : undefined)).add(
      host,
      parent,
    );
    const { change, failed } = await deleteCookies(store, [host]);
    expect(store.snapshot()).toEqual([]);
    expect(failed.map((f) => f.cookie.domain)).toEqual(['.example.com']);
    refuse = false;
    await revert(store, change, { now: NOW });
    expect(store.snapshot()).toHaveLength(2);
  });
});

/** Like Chromium: a domain cookie for localhost or an IP address is stored host-only, over whatever is there. */
class HostOnlyHostsStore extends FakeStore {
  override async write(c: Cookie) {
    const bare = c.domain.replace(/^\./, '');
    const hostOnlyHost = bare === 'localhost' || /^\d+(\.\d+){3}$/.test(bare);
    await super.write(!c.hostOnly && hostOnlyHost ? { ...c, domain: bare, hostOnly: true } : c);
  }
}

describe.each(['localhost', '127.0.0.1'])('unticking Host-only on %s (no domain cookies there)', (host) => {
  it('keeps what it overwrote, says the browser stored it host-only, and undo brings the original back', async () => {
    const original = cookie('sid', { domain: host, value: 'v1' });
    const store = new HostOnlyHostsStore('chromium').add(original);
    const result = await saveCookie(store, original, { ...original, value: 'v2', hostOnly: false, domain: `.${host}` }, NOW);
    expect(result.saved).toMatchObject({ domain: host, hostOnly: true, value: 'v2' });
    expect(result.warning).toContain(`stored "sid" host-only: ${host} cannot have domain cookies`);
    expect(result.change.before).toEqual([original]);
    expect(store.snapshot().map((c) => c.value)).toEqual(['v2']);
    await revert(store, result.change, { now: NOW });
    expect(store.snapshot()).toEqual([original]);
  });

  it('an import of a ".host" domain cookie journals the host-only cookie it replaced', async () => {
    const original = cookie('sid', { domain: host, value: 'v1' });
    const store = new HostOnlyHostsStore('chromium').add(original);
    const imported = { ...original, value: 'imported', hostOnly: false, domain: `.${host}` };
    const result = await saveCookie(store, await store.getExact(imported), imported, NOW);
    expect(result.change.before).toEqual([original]);
    await revert(store, result.change, { now: NOW });
    expect(store.snapshot()).toEqual([original]);
  });
});
