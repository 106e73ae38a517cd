/** The manager page's messages, against the fake browser in its Chrome flavour. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../en';
import type { Cookies } from 'webextension-polyfill';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { createHandlers } = await import('../../../src/background/handlers');
const { browserStore } = await import('../../../src/background/store');
const { SetCookieLog } = await import('../../../src/core/set-cookie-log');
const { fromBrowserCookie } = await import('../../../src/background/browser-cookie');
const { cookieKey } = await import('../../../src/model/cookie');
const { parseBackup } = await import('../../../src/core/formats/backup');
type Cookie = import('../../../src/model/cookie').Cookie;

function setup() {
  const log = new SetCookieLog();
  let broadcasts = 0;
  const handlers = createHandlers({
    store: browserStore(),
    broadcast: () => {
      broadcasts++;
    },
    log: {
      withLog: async (read) => read(log),
      changed: () => {},
      framesNow: (tabId) => log.frames(tabId),
      status: () => ({ recording: true, dropped: 0 }),
      setRecording: async () => {},
    },
  });
  return { handlers, broadcasts: () => broadcasts };
}

const FUTURE = Math.floor(Date.now() / 1000) + 30 * 86_400;

const cookie = (name: string, value: string, fields: Partial<Cookie> = {}): Cookie => ({
  name,
  value,
  domain: 'app.example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  session: true,
  storeId: '0',
  ...fields,
});

/** Puts a cookie in the fake jar, as the browser would hold it. */
function put(c: Cookie): void {
  const stored: Partial<Cookies.Cookie> & { name: string; domain: string } = {
    ...c,
    sameSite: c.sameSite === 'none' ? 'no_restriction' : c.sameSite,
  };
  fake.add(stored);
}

/** The jar, as Cookie Lens reads it, sorted by key. */
const jar = () =>
  fake
    .cookies()
    .map(fromBrowserCookie)
    .sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));
const value = (name: string) => fake.cookies().find((c) => c.name === name)?.value;

beforeEach(() => {
  fake.reset();
  fake.tabs.set(1, { id: 1, url: 'https://app.example.com/', incognito: false });
});

describe('stores/list (Chrome)', () => {
  it('lists the normal store, and incognito only when the browser has it', async () => {
    const { handlers } = setup();
    expect(await handlers['stores/list']({})).toEqual({ stores: [{ id: '0', kind: 'default', name: 'Normal' }] });
    fake.extraStores = ['1'];
    expect((await handlers['stores/list']({})).stores).toEqual([
      { id: '0', kind: 'default', name: 'Normal' },
      { id: '1', kind: 'private', name: 'Incognito' },
    ]);
  });
});

describe('store/cookies', () => {
  it('groups every cookie of the store by site, partitioned ones under their top-level site', async () => {
    put(cookie('sid', 'abc', { secure: false, httpOnly: false, sameSite: 'unspecified' }));
    put(cookie('theme', 'dark', { domain: '.example.com', hostOnly: false }));
    put(
      cookie('chip', 'c', {
        domain: 'widget.test',
        sameSite: 'none',
        partitionKey: { topLevelSite: 'https://news.test' },
      }),
    );
    put(cookie('n', '1', { domain: 'news.test' }));
    put(cookie('other', '1', { storeId: '1' }));
    const { handlers } = setup();
    const answer = await handlers['store/cookies']({ storeId: '0' });
    expect(answer.store).toEqual({ id: '0', kind: 'default', name: 'Normal' });
    expect(answer.sites.map((s) => [s.site, s.cookies.map((c) => c.name).sort(), s.bytes])).toEqual([
      ['example.com', ['sid', 'theme'], 'sidabcthemedark'.length],
      ['news.test', ['chip', 'n'], 'chipcn1'.length],
    ]);
    // A rule of news.test does not cover widget.test's partitioned chip: the group says whose it is.
    expect(answer.sites.map((s) => s.otherSites)).toEqual([undefined, ['widget.test']]);
    const example = answer.sites[0]!;
    expect(example.findings.some((f) => f.ruleId === 'missing-secure' && f.cookieKey.includes('"sid"'))).toBe(true);
    expect(example.summary.cookies).toBe(2);
    expect(example.summary.grade).not.toBe('A');
    expect(answer.protectedKeys).toEqual([]);
  });

  it('names the protected cookies, and stays quick at 3,300 cookies over 100 sites', async () => {
    for (let i = 0; i < 3_300; i++) {
      const site = `site${String(i % 100).padStart(3, '0')}-x.test`;
      put(
        cookie(i % 3 === 0 ? `sessionid_${i}` : `pref_${i}`, `value-${i}`, {
          domain: i % 2 ? `.${site}` : `www.${site}`,
          hostOnly: i % 2 === 0,
          secure: i % 4 === 0,
          httpOnly: i % 5 === 0,
          sameSite: i % 6 === 0 ? 'none' : 'unspecified',
        }),
      );
    }
    const { handlers } = setup();
    await handlers['protect/set']({ add: [{ site: 'site007-x.test', name: 'sessionid_*' }] });
    let started = performance.now();
    const answer = await handlers['store/cookies']({ storeId: '0' });
    const first = performance.now() - started;
    // One site changes: the reload audits that site again and reuses the others' audits.
    fake.add({ name: 'pref_4', domain: 'www.site004-x.test', value: 'now weak', secure: false });
    started = performance.now();
    const again = await handlers['store/cookies']({ storeId: '0' });
    const reload = performance.now() - started;
    // The figures for the report; the unit test asserts what it returns, not how fast.
    console.info(
      `store/cookies, 3,300 cookies over 100 sites: ${first.toFixed(0)} ms (fetch, group, audit), ${reload.toFixed(0)} ms after one site changed`,
    );
    const site4 = (a: typeof answer) => a.sites.find((s) => s.site === 'site004-x.test')!;
    const pref4 = (a: typeof answer) => site4(a).findings.filter((f) => f.cookieKey.includes('"pref_4"'));
    expect(pref4(answer).map((f) => f.ruleId)).not.toContain('missing-secure');
    expect(pref4(again).map((f) => f.ruleId)).toContain('missing-secure');
    expect(again.sites.find((s) => s.site === 'site002-x.test')!.findings).toBe(
      answer.sites.find((s) => s.site === 'site002-x.test')!.findings,
    );
    expect(answer.sites).toHaveLength(100);
    expect(answer.sites.reduce((n, s) => n + s.cookies.length, 0)).toBe(3_300);
    const protectedNames = answer.sites
      .flatMap((s) => s.cookies)
      .filter((c) => answer.protectedKeys.includes(cookieKey(c)))
      .map((c) => c.name);
    expect(protectedNames.length).toBe(11);
    expect(protectedNames.every((n) => n.startsWith('sessionid_'))).toBe(true);
  });
});

describe('protection rules', () => {
  it('are kept in storage.local, deduplicated and checked, and the pages are told', async () => {
    const { handlers, broadcasts } = setup();
    expect(await handlers['protect/list']({})).toEqual({ rules: [] });
    const set = await handlers['protect/set']({
      add: [
        { site: 'www.Example.com', name: 'sid' },
        { site: 'example.com', name: 'sid' },
        { site: 'example.com', name: 'pref_*' },
      ],
    });
    expect(set.rules).toEqual([
      { site: 'example.com', name: 'sid' },
      { site: 'example.com', name: 'pref_*' },
    ]);
    expect(fake.local.get('protectRules')).toEqual(set.rules);
    expect(broadcasts()).toBe(1);
    await expect(handlers['protect/set']({ add: [{ site: '', name: 'x' }] })).rejects.toThrow(
      'Rule 1 to add: "site" is empty',
    );
    expect((await handlers['protect/set']({ remove: [{ site: 'example.com', name: 'sid' }] })).rules).toEqual([
      { site: 'example.com', name: 'pref_*' },
    ]);
    // A rule that is not valid in storage (edited by hand) is left out.
    fake.local.set('protectRules', [{ site: 'a.test', name: 'x' }, { site: 5 }]);
    expect((await handlers['protect/list']({})).rules).toEqual([{ site: 'a.test', name: 'x' }]);
  });

  it('delete keeps protected cookies unless the user confirmed', async () => {
    put(cookie('sid', '1'));
    put(cookie('theme', '1'));
    const { handlers } = setup();
    await handlers['protect/set']({ add: [{ site: 'example.com', name: 'sid' }] });
    const all = [cookie('sid', '1'), cookie('theme', '1')];
    expect(await handlers['cookies/delete']({ cookies: all, label: 'Deleted all' })).toEqual({
      removed: 1,
      missing: 0,
      failed: [],
      protectedKept: 1,
    });
    expect(value('sid')).toBe('1');
    expect(value('theme')).toBeUndefined();
    expect(
      await handlers['cookies/delete']({ cookies: [cookie('sid', '1')], label: 'Deleted sid', includeProtected: true }),
    ).toEqual({ removed: 1, missing: 0, failed: [] });
    expect(value('sid')).toBeUndefined();
  });

  it('set-expiry and harden keep protected cookies unless the user confirmed', async () => {
    put(cookie('sid', '1', { secure: false, httpOnly: false }));
    put(cookie('theme', '1', { secure: false, httpOnly: false }));
    const { handlers } = setup();
    await handlers['protect/set']({ add: [{ site: 'example.com', name: 'sid' }] });
    const all = [
      cookie('sid', '1', { secure: false, httpOnly: false }),
      cookie('theme', '1', { secure: false, httpOnly: false }),
    ];
    const expiry = await handlers['cookies/set-expiry']({ cookies: all, expirationDate: FUTURE });
    expect(expiry).toEqual({ changed: 1, unchanged: 0, failed: [], protectedKept: 1 });
    const hardened = await handlers['cookies/harden']({ cookies: all });
    expect(hardened).toEqual({ changed: 1, unchanged: 0, failed: [], protectedKept: 1 });
    const now = () => Object.fromEntries(fake.cookies().map((c) => [c.name, [c.session, c.secure]]));
    expect(now()).toEqual({ sid: [true, false], theme: [false, true] });
    expect(
      await handlers['cookies/set-expiry']({ cookies: all, expirationDate: FUTURE, includeProtected: true }),
    ).toEqual({ changed: 1, unchanged: 1, failed: [] });
    expect(await handlers['cookies/harden']({ cookies: all, includeProtected: true })).toEqual({
      changed: 1,
      unchanged: 1,
      failed: [],
    });
    expect(now()).toEqual({ sid: [false, true], theme: [false, true] });
  });

  it('import never replaces a protected cookie, but adds new ones', async () => {
    put(cookie('sid', 'mine'));
    const { handlers } = setup();
    await handlers['protect/set']({ add: [{ site: 'example.com', name: 's*' }] });
    const outcome = await handlers['cookies/import']({ cookies: [cookie('sid', 'theirs'), cookie('sx', 'new')] });
    expect(outcome).toEqual({ written: 1, failed: [], protectedKept: 1 });
    expect(value('sid')).toBe('mine');
    expect(value('sx')).toBe('new');
  });

  it('the popup and the panel get the keys of the protected cookies they show', async () => {
    put(cookie('sid', '1'));
    put(cookie('theme', '1'));
    const { handlers } = setup();
    await handlers['protect/set']({ add: [{ site: 'example.com', name: 'sid' }] });
    const key = cookieKey(fromBrowserCookie(fake.cookies().find((c) => c.name === 'sid')!));
    expect((await handlers['cookies/for-tab']({ tabId: 1 })).protectedKeys).toEqual([key]);
    expect((await handlers['cookies/by-site']({ tabId: 1 })).protectedKeys).toEqual([key]);
  });
});

describe('cookie/save and cookie/check in a store', () => {
  it('edits any cookie of the store with the same conflict check as a tab', async () => {
    put(cookie('x', 'v1', { domain: 'elsewhere.test' }));
    const { handlers } = setup();
    const opened = cookie('x', 'v1', { domain: 'elsewhere.test' });
    const saved = await handlers['cookie/save']({ storeId: '0', original: opened, next: { ...opened, value: 'v2' } });
    expect(saved).toMatchObject({ saved: { value: 'v2' } });
    fake.add({ name: 'x', domain: 'elsewhere.test', value: 'site', secure: true, httpOnly: true, sameSite: 'lax' });
    const again = await handlers['cookie/save']({
      storeId: '0',
      original: { ...opened, value: 'v2' },
      next: { ...opened, value: 'v3' },
    });
    expect(again).toMatchObject({ conflict: { current: { value: 'site' } } });
    expect((await handlers['journal/list']({ storeId: '0' })).entries.map((e) => e.label)).toEqual(['Edited x']);
    expect(await handlers['journal/undo']({ storeId: '0', force: true })).toMatchObject({ undone: 'Edited x' });
    expect(value('x')).toBe('v1');
  });

  it('writes into the store shown, and refuses a new partitioned cookie without its top-level site', async () => {
    const { handlers } = setup();
    const result = await handlers['cookie/save']({ storeId: '1', next: cookie('p', '1', { storeId: '0' }) });
    expect(result).toMatchObject({ saved: { storeId: '1' } });
    const chip = cookie('chip', '1', { sameSite: 'none', partitionKey: { topLevelSite: '' } });
    await expect(handlers['cookie/save']({ storeId: '0', next: chip })).rejects.toThrow(
      'A partitioned cookie needs its top-level site (for example https://example.com): the manager has no page to take it from.',
    );
    const refused = (await handlers['cookie/check']({ storeId: '0', cookie: chip })).refusal;
    expect(refused && en(refused)).toContain('needs its top-level site');
    await expect(
      handlers['cookie/save']({ storeId: '0', original: cookie('q', '1', { storeId: '1' }), next: cookie('q', '2') }),
    ).rejects.toThrow('another cookie store');
  });

  it('checks a cookie as its own site sees it, and predicts a refusal', async () => {
    const { handlers } = setup();
    const plain = await handlers['cookie/check']({
      storeId: '0',
      cookie: cookie('sid', 'abc', { secure: false, httpOnly: false }),
    });
    expect(plain.findings.map((f) => f.ruleId)).toContain('missing-secure');
    expect(plain.refusal).toBeUndefined();
    const host = await handlers['cookie/check']({ storeId: '0', cookie: cookie('__Host-x', '1', { secure: false }) });
    expect(host.refusal && en(host.refusal)).toContain('__Host-');
  });
});

describe('cookies/set-expiry', () => {
  it('gives every cookie one expiry as one undoable step', async () => {
    put(cookie('a', '1'));
    put(cookie('b', '1', { session: false, expirationDate: FUTURE }));
    const { handlers } = setup();
    const outcome = await handlers['cookies/set-expiry']({
      cookies: [cookie('a', '1'), cookie('b', '1')],
      expirationDate: FUTURE,
    });
    expect(outcome).toEqual({ changed: 1, unchanged: 1, failed: [] });
    expect(fake.cookies().map((c) => [c.name, c.session, c.expirationDate])).toEqual([
      ['a', false, FUTURE],
      ['b', false, FUTURE],
    ]);
    const session = await handlers['cookies/set-expiry']({ cookies: [cookie('a', '1'), cookie('b', '1')] });
    expect(session).toEqual({ changed: 2, unchanged: 0, failed: [] });
    expect(fake.cookies().every((c) => c.session)).toBe(true);
    const labels = (await handlers['journal/list']({ storeId: '0' })).entries.map((e) => e.label);
    expect(labels).toEqual(['Made 2 cookies session cookies', 'Changed the expiry of 1 cookie']);
    await handlers['journal/undo']({ storeId: '0' });
    expect(fake.cookies().map((c) => [c.name, c.session])).toEqual([
      ['a', false],
      ['b', false],
    ]);
  });

  it('refuses an expiry in the past, writing nothing', async () => {
    put(cookie('a', '1'));
    const { handlers } = setup();
    await expect(
      handlers['cookies/set-expiry']({ cookies: [cookie('a', '1')], expirationDate: Date.now() / 1000 - 10 }),
    ).rejects.toThrow('that expiry is in the past, so the browser would delete the cookies instead');
    expect(fake.cookies().map((c) => c.session)).toEqual([true]);
    expect((await handlers['journal/list']({ storeId: '0' })).entries).toEqual([]);
  });
});

describe('cookies/harden', () => {
  it('adds Secure, HttpOnly and SameSite Lax, reports each cookie it could not change, and undoes as one step', async () => {
    const weak = cookie('weak', '1', { secure: false, httpOnly: false, sameSite: 'unspecified' });
    const none = cookie('none', '1', { secure: false, httpOnly: false, sameSite: 'none' });
    const strong = cookie('strong', '1', { sameSite: 'strict' });
    const refused = cookie('refused', '1', { secure: false, httpOnly: false });
    for (const c of [weak, none, strong, refused]) put(c);
    fake.refuse = (d) => (d.name === 'refused' ? 'Failed to parse or set cookie named "refused".' : undefined);
    const { handlers } = setup();
    const outcome = await handlers['cookies/harden']({ cookies: [weak, none, strong, refused] });
    expect(outcome.changed).toBe(2);
    expect(outcome.unchanged).toBe(1);
    expect(outcome.failed).toEqual([
      {
        name: 'refused',
        domain: 'app.example.com',
        path: '/',
        reason: 'Chrome refused the cookie: Failed to parse or set cookie named "refused".',
      },
    ]);
    const now = Object.fromEntries(fake.cookies().map((c) => [c.name, [c.secure, c.httpOnly, c.sameSite]]));
    expect(now).toEqual({
      weak: [true, true, 'lax'],
      none: [true, true, 'no_restriction'],
      strong: [true, true, 'strict'],
      refused: [false, false, 'lax'],
    });
    expect((await handlers['journal/list']({ storeId: '0' })).entries.map((e) => e.label)).toEqual([
      'Hardened 2 cookies',
    ]);
    fake.refuse = () => undefined;
    await handlers['journal/undo']({ storeId: '0' });
    expect(fake.cookies().find((c) => c.name === 'weak')).toMatchObject({ secure: false, httpOnly: false });
    expect(fake.cookies().find((c) => c.name === 'none')).toMatchObject({ secure: false, sameSite: 'no_restriction' });
  });

  it('reports a cookie that is gone since the list was shown', async () => {
    const { handlers } = setup();
    const outcome = await handlers['cookies/harden']({ cookies: [cookie('gone', '1')] });
    expect(outcome.failed.map((f) => f.reason)).toEqual([
      'it is not there any more (deleted or expired since the list was shown)',
    ]);
  });
});

describe('undo in a store', () => {
  it('brings back a bulk delete of 100 cookies identically', async () => {
    for (let i = 0; i < 100; i++) {
      put(
        cookie(`c${i}`, `v${i}`, {
          domain: i % 2 ? `.site${i % 10}.test` : `www.site${i % 10}.test`,
          hostOnly: i % 2 === 0,
          path: i % 3 ? '/' : '/app',
          secure: i % 4 !== 0,
          httpOnly: i % 5 === 0,
          sameSite: (['lax', 'strict', 'none', 'unspecified'] as const)[i % 4]!,
          ...(i % 3 === 0 ? { session: false, expirationDate: FUTURE + i } : {}),
          ...(i % 7 === 0 ? { partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true } } : {}),
        }),
      );
    }
    const before = jar();
    const { handlers } = setup();
    const shown = (await handlers['store/cookies']({ storeId: '0' })).sites.flatMap((s) => s.cookies);
    expect(shown).toHaveLength(100);
    const deleted = await handlers['cookies/delete']({ cookies: shown, label: 'Deleted 100 cookies' });
    expect(deleted).toMatchObject({ removed: 100, missing: 0, failed: [] });
    expect(fake.cookies()).toEqual([]);
    expect(await handlers['journal/undo']({ storeId: '0' })).toEqual({
      undone: 'Deleted 100 cookies',
      problems: [],
      conflicts: [],
    });
    expect(jar()).toEqual(before);
  });

  it('refuses, before writing anything, a change whose Undo would not fit the journal', async () => {
    // Replacing 1,700 cookies with 300-byte values: the entry holds both values, about 1.7 MB.
    const old = (i: number) => cookie(`c${i}`, `old${'o'.repeat(297)}`, { domain: `site${i % 50}.test` });
    for (let i = 0; i < 1_700; i++) put(old(i));
    const { handlers } = setup();
    const replacing = Array.from({ length: 1_700 }, (_, i) => ({ ...old(i), value: `new${'n'.repeat(297)}` }));
    await expect(handlers['cookies/import']({ cookies: replacing })).rejects.toThrow(
      /^Nothing was changed: this change is too large to undo \(1\.\d MB; the limit is 1\.3 MB\)\. Select fewer cookies\.$/,
    );
    expect(fake.cookies().every((c) => c.value.startsWith('old'))).toBe(true);
    expect((await handlers['journal/list']({ storeId: '0' })).entries).toEqual([]);
  });
});

describe('backup and restore', () => {
  const seed = () => {
    put(cookie('sid', 's1', { secure: false, sameSite: 'unspecified' }));
    put(
      cookie('theme', 'dark', {
        domain: '.example.com',
        hostOnly: false,
        path: '/app',
        session: false,
        expirationDate: FUTURE,
      }),
    );
    put(
      cookie('chip', 'c', {
        domain: 'widget.test',
        sameSite: 'none',
        partitionKey: { topLevelSite: 'https://news.test', hasCrossSiteAncestor: true },
      }),
    );
  };

  it('backs up every cookie and rule, and after a wipe restores every attribute as one undoable step', async () => {
    seed();
    const { handlers } = setup();
    await handlers['protect/set']({ add: [{ site: 'example.com', name: 'keep' }] });
    const before = jar();
    const backup = await handlers['backup/create']({ storeId: '0' });
    expect(backup.cookies).toBe(3);
    const parsed = parseBackup(backup.text);
    expect(parsed.ok && parsed.backup.store).toEqual({ id: '0', kind: 'default', name: 'Normal' });
    expect(parsed.ok && parsed.backup.protected).toEqual([{ site: 'example.com', name: 'keep' }]);

    fake.jar.clear();
    fake.local.clear();
    const preview = await handlers['backup/preview']({ storeId: '0', text: backup.text });
    expect(preview.errors).toEqual([]);
    expect(preview.added.map((c) => c.name).sort()).toEqual(['chip', 'sid', 'theme']);
    expect(preview.rules).toEqual([{ site: 'example.com', name: 'keep' }]);
    expect(fake.cookies()).toEqual([]);

    const outcome = await handlers['backup/restore']({ storeId: '0', text: backup.text });
    expect(outcome).toEqual({ written: 3, failed: [], unchanged: 0, protectedKept: 0 });
    expect(jar()).toEqual(before);
    expect((await handlers['protect/list']({})).rules).toEqual([{ site: 'example.com', name: 'keep' }]);
    expect((await handlers['journal/list']({ storeId: '0' })).entries.map((e) => e.label)).toEqual([
      'Restored 3 cookies',
    ]);
    await handlers['journal/undo']({ storeId: '0' });
    expect(fake.cookies()).toEqual([]);
  });

  it('previews new, replaced, unchanged, refused and protected before writing anything', async () => {
    seed();
    const { handlers } = setup();
    const { text } = await handlers['backup/create']({ storeId: '0' });
    const doc = JSON.parse(text);
    doc.cookies[0].value = 'changed'; // sid
    doc.cookies.push({ ...doc.cookies[1], name: 'fresh' });
    // Expired since the backup: 15 June 2020, noon UTC (the same calendar day in every time zone).
    doc.cookies.push({
      ...doc.cookies[1],
      name: 'old',
      session: false,
      expirationDate: Date.UTC(2020, 5, 15, 12) / 1000,
    });
    doc.cookies.push({ ...doc.cookies[1], name: 'kept', value: 'from backup' });
    put(cookie('kept', 'current', { domain: '.example.com', hostOnly: false, path: '/app' }));
    await handlers['protect/set']({ add: [{ site: 'example.com', name: 'kept' }] });
    const edited = JSON.stringify(doc);
    const preview = await handlers['backup/preview']({ storeId: '0', text: edited });
    expect(preview.errors).toEqual([]);
    expect(preview.added.map((c) => c.name)).toEqual(['fresh']);
    expect(preview.replaced.map((r) => [r.before.value, r.after.value])).toEqual([['s1', 'changed']]);
    expect(preview.unchanged).toBe(2);
    // The date in the reader's language and time zone, not an ISO string.
    expect(preview.refused.map((r) => r.name)).toEqual(['old']);
    expect(preview.refused[0]?.reason).toMatch(
      /^it expired on Jun 15, 2020, \d{1,2}:\d{2}\s[AP]M, after the backup was made: the browser would delete it, not store it$/,
    );
    expect(preview.protectedKept.map((c) => [c.name, c.value])).toEqual([['kept', 'current']]);
    expect(preview.risks).toEqual([]);

    const outcome = await handlers['backup/restore']({ storeId: '0', text: edited });
    expect(outcome.written).toBe(2);
    expect(outcome.unchanged).toBe(2);
    expect(outcome.protectedKept).toBe(1);
    expect(outcome.failed.map((f) => f.name)).toEqual(['old']);
    expect(value('kept')).toBe('current');
    expect(value('sid')).toBe('changed');
    expect(value('fresh')).toBe('dark');
  });

  it('restores into the store chosen, whatever store the backup came from', async () => {
    seed();
    const { handlers } = setup();
    const { text } = await handlers['backup/create']({ storeId: '0' });
    await handlers['backup/restore']({ storeId: '1', text });
    expect(fake.cookies().filter((c) => c.storeId === '1')).toHaveLength(3);
  });

  it('a malformed or truncated backup reports its errors and changes nothing', async () => {
    seed();
    const { handlers } = setup();
    const { text } = await handlers['backup/create']({ storeId: '0' });
    fake.jar.clear();
    const truncated = text.slice(0, text.length - 40);
    const doc = JSON.parse(text);
    doc.cookies[1].expirationDate = 'soon';
    doc.cookies.push({ name: 'x' });
    const malformed = JSON.stringify(doc);
    for (const bad of [truncated, malformed, '[]']) {
      const preview = await handlers['backup/preview']({ storeId: '0', text: bad });
      expect(preview.errors.length).toBeGreaterThan(0);
      expect(preview.added).toEqual([]);
      await expect(handlers['backup/restore']({ storeId: '0', text: bad })).rejects.toThrow(/^Nothing was restored: /);
    }
    expect((await handlers['backup/preview']({ storeId: '0', text: truncated })).errors.map((e) => en(e))).toEqual([
      'The file ends early: it was cut short (an incomplete download or copy?). Nothing was read from it.',
    ]);
    expect((await handlers['backup/preview']({ storeId: '0', text: malformed })).errors.map((e) => en(e))).toEqual([
      'Cookie 2 ("theme"): "expirationDate" is not a number (it is string)',
      'Cookie 4 ("x"): "value" is missing',
    ]);
    expect(fake.cookies()).toEqual([]);
    expect((await handlers['journal/list']({ storeId: '0' })).entries).toEqual([]);
    expect(fake.local.get('protectRules')).toBeUndefined();
  });
});

describe('restore tries what the cookies API may take', () => {
  it('writes a partitioned SameSite=Strict cookie a Set-Cookie header could not set, warning in the preview', async () => {
    // The cookies API stores what a header from a cross-site frame could not: Chromium keeps these.
    const strict = cookie('chip', 'c', {
      domain: 'widget.test',
      sameSite: 'strict',
      partitionKey: { topLevelSite: 'https://news.test', hasCrossSiteAncestor: true },
    });
    put(strict);
    const { handlers } = setup();
    const before = jar();
    const { text } = await handlers['backup/create']({ storeId: '0' });
    fake.jar.clear();
    const preview = await handlers['backup/preview']({ storeId: '0', text });
    expect(preview.refused).toEqual([]);
    expect(preview.added.map((c) => c.name)).toEqual(['chip']);
    expect(preview.mayRefuse.map((p) => p.name)).toEqual(['chip']);
    expect(preview.mayRefuse[0]?.reason).toMatch(/^may be refused: /);
    const outcome = await handlers['backup/restore']({ storeId: '0', text });
    expect(outcome).toEqual({ written: 1, failed: [], unchanged: 0, protectedKept: 0 });
    expect(jar()).toEqual(before);
  });

  it("reports the browser's own refusal per cookie, and still skips a cookie that has expired", async () => {
    put(cookie('a', '1'));
    put(cookie('b', '1', { domain: 'other.test' }));
    const { handlers } = setup();
    const { text } = await handlers['backup/create']({ storeId: '0' });
    const doc = JSON.parse(text);
    doc.cookies.push({ ...doc.cookies[0], name: 'gone', session: false, expirationDate: 1_000 });
    fake.jar.clear();
    fake.refuse = (d) => (d.name === 'b' ? 'Failed to parse or set cookie named "b".' : undefined);
    const outcome = await handlers['backup/restore']({ storeId: '0', text: JSON.stringify(doc) });
    expect(outcome.written).toBe(1);
    expect(outcome.failed.map((f) => [f.name, f.reason.split(/ on |:/)[0]])).toEqual([
      ['gone', 'it expired'],
      ['b', 'Chrome refused the cookie'],
    ]);
    expect(fake.cookies().map((c) => c.name)).toEqual(['a']);
  });

  it('import and harden try a cookie the explainer expects refused, and report what the browser says', async () => {
    const { handlers } = setup();
    // A name a Set-Cookie header could not carry; whether the cookies API takes it is the browser's call.
    const odd = cookie('__Host-odd', '1', { path: '/sub', secure: false, httpOnly: false });
    const imported = await handlers['cookies/import']({ cookies: [odd] });
    expect(imported).toEqual({ written: 1, failed: [] });
    expect(fake.cookies().map((c) => [c.name, c.path])).toEqual([['__Host-odd', '/sub']]);
    fake.refuse = (d) => (d.name === '__Host-odd' ? 'Failed to parse or set cookie named "__Host-odd".' : undefined);
    const hardened = await handlers['cookies/harden']({ cookies: [odd] });
    expect(hardened.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/^Chrome refused the cookie: Failed to parse or set cookie named "__Host-odd"\./),
    ]);
  });
});

describe('changes to many cookies stay linear', () => {
  it('a restore and a bulk delete of 300 cookies read the whole store a few times, not once per cookie', async () => {
    for (let i = 0; i < 300; i++) {
      put(
        cookie(`n${i}`, `v${i}`, {
          domain: i % 2 ? `.site${i % 30}.test` : `www.site${i % 30}.test`,
          hostOnly: i % 2 === 0,
          secure: i % 3 !== 0,
          path: i % 5 ? '/' : '/p',
        }),
      );
    }
    const before = jar();
    const { handlers } = setup();
    const { text } = await handlers['backup/create']({ storeId: '0' });
    const shown = (await handlers['store/cookies']({ storeId: '0' })).sites.flatMap((s) => s.cookies);
    fake.storeWalks = 0;
    expect(await handlers['cookies/delete']({ cookies: shown, label: 'Deleted 300 cookies' })).toMatchObject({
      removed: 300,
      failed: [],
    });
    const deleteWalks = fake.storeWalks;
    expect(fake.cookies()).toEqual([]);
    // Each removed by writing it expired (one site's cookies), not by remove (the whole store in Chromium).
    expect(fake.expiredWrites).toBe(300);
    fake.storeWalks = 0;
    expect(await handlers['backup/restore']({ storeId: '0', text })).toEqual({
      written: 300,
      failed: [],
      unchanged: 0,
      protectedKept: 0,
    });
    expect(jar()).toEqual(before);
    // The delete: the note before it acts. The restore: its plan, the note, and the eviction check.
    expect(deleteWalks).toBeLessThanOrEqual(2);
    expect(fake.storeWalks).toBeLessThanOrEqual(4);
    // Undo of the restore, too.
    fake.storeWalks = 0;
    await handlers['journal/undo']({ storeId: '0' });
    expect(fake.cookies()).toEqual([]);
    expect(fake.storeWalks).toBeLessThanOrEqual(4);
  });
});

describe('a removal by expiry the browser does not carry out', () => {
  it('falls back to remove, and still puts back a same-name cookie remove took along', async () => {
    put(cookie('dup', 'root'));
    put(cookie('dup', 'sub', { path: '/sub' }));
    fake.refuse = (d) => (d.expirationDate === 1 ? 'Failed to parse or set cookie named "dup".' : undefined);
    const { handlers } = setup();
    const outcome = await handlers['cookies/delete']({
      cookies: [cookie('dup', 'sub', { path: '/sub' })],
      label: 'Deleted dup',
    });
    expect(outcome).toMatchObject({ removed: 1, failed: [] });
    expect(fake.cookies().map((c) => [c.path, c.value])).toEqual([['/', 'root']]);
  });
});
