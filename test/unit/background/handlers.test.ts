import { beforeEach, describe, expect, it, vi } from 'vitest';
import { msg } from '../../../src/i18n/msg';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { createHandlers } = await import('../../../src/background/handlers');
const { browserStore } = await import('../../../src/background/store');
const { SetCookieLog } = await import('../../../src/core/set-cookie-log');
const { unpackFindings } = await import('../../../src/ui/connect/packed-findings');

function setup() {
  const log = new SetCookieLog();
  const changed: number[] = [];
  const written: string[] = [];
  let recording = true;
  const handlers = createHandlers({
    store: browserStore({ onWrite: (c) => written.push(c.name) }),
    log: {
      withLog: async (read) => read(log),
      changed: (tabId) => changed.push(tabId),
      framesNow: (tabId) => log.frames(tabId),
      status: () => ({ recording, dropped: 0 }),
      setRecording: async (on) => {
        recording = on;
      },
    },
  });
  return { handlers, log, changed, written };
}

const cookie = (name: string, value: string) => ({
  name,
  value,
  domain: 'app.example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax' as const,
  session: true,
  storeId: '0',
});

const storedValue = (name: string) => fake.cookies().find((c) => c.name === name)?.value;

beforeEach(() => {
  fake.reset();
  fake.tabs.set(1, { id: 1, url: 'https://app.example.com/', incognito: false });
});

describe('cookies/import', () => {
  it('writes each cookie once, journals the originals (not its own earlier writes) and undoes as one step', async () => {
    fake.add({ ...cookie('sid', 'original') });
    const { handlers, written } = setup();
    const outcome = await handlers['cookies/import']({
      cookies: [cookie('sid', 'first'), cookie('sid', 'second'), cookie('theme', 'dark')],
    });
    expect(outcome).toEqual({ written: 2, failed: [] });
    expect(storedValue('sid')).toBe('second');
    expect(written).toEqual(['sid', 'sid', 'theme']);
    const { entries } = await handlers['journal/list']({ tabId: 1 });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.label).toBe('Imported 2 cookies');
    expect(entries[0]?.before.map((c) => c.value)).toEqual(['original']);

    const undone = await handlers['journal/undo']({ tabId: 1 });
    expect(undone).toEqual({ undone: 'Imported 2 cookies', problems: [], conflicts: [] });
    expect(storedValue('sid')).toBe('original');
    expect(storedValue('theme')).toBeUndefined();
  });

  it('reports each cookie the browser refuses, with its words, and still writes the others', async () => {
    fake.refuse = (d) => (d.name === 'bad' ? 'Failed to parse or set cookie named "bad".' : undefined);
    const { handlers } = setup();
    const outcome = await handlers['cookies/import']({ cookies: [cookie('bad', '1'), cookie('good', '2')] });
    expect(outcome.written).toBe(1);
    expect(outcome.failed).toHaveLength(1);
    expect(outcome.failed[0]).toMatchObject({ name: 'bad', domain: 'app.example.com', path: '/' });
    expect(outcome.failed[0]?.reason).toContain(
      'Chrome refused the cookie: Failed to parse or set cookie named "bad".',
    );
    expect(storedValue('good')).toBe('2');
  });
});

describe('journal/undo', () => {
  it('says so when what could not be undone cannot be kept for another try', async () => {
    fake.add({ ...cookie('sid', 'v1') });
    const { handlers } = setup();
    await handlers['cookies/delete']({ cookies: [{ ...cookie('sid', 'v1') }], label: 'Deleted sid' });
    expect(storedValue('sid')).toBeUndefined();
    fake.refuse = () => 'Failed to parse or set cookie named "sid".';
    // Taking the entry off the journal works; putting the rest back does not (storage full).
    fake.sessionFails = (items) => JSON.stringify(items).includes('(the rest)');
    const result = await handlers['journal/undo']({ tabId: 1 });
    expect(result.undone).toBe('Deleted sid');
    expect(result.problems).toEqual([
      'sid (app.example.com/): Failed to parse or set cookie named "sid".',
      'What could not be undone cannot be tried again: the undo journal could not be saved (QUOTA_BYTES quota exceeded).',
    ]);
  });

  it('keeps what could not be undone for the next Undo', async () => {
    fake.add({ ...cookie('sid', 'v1') });
    const { handlers } = setup();
    await handlers['cookies/delete']({ cookies: [{ ...cookie('sid', 'v1') }], label: 'Deleted sid' });
    fake.refuse = () => 'refused';
    expect((await handlers['journal/undo']({ tabId: 1 })).problems).toHaveLength(1);
    fake.refuse = () => undefined;
    expect(await handlers['journal/undo']({ tabId: 1 })).toEqual({
      undone: 'Deleted sid (the rest)',
      problems: [],
      conflicts: [],
    });
    expect(storedValue('sid')).toBe('v1');
  });

  it('answers null when there is nothing to undo', async () => {
    expect(await setup().handlers['journal/undo']({ tabId: 1 })).toEqual({ undone: null, problems: [], conflicts: [] });
  });
});

describe('cookie/save', () => {
  it('leaves the original in place and gives the reason when the browser refuses', async () => {
    fake.add({ ...cookie('sid', 'v1') });
    fake.refuse = (d) => (d.value === 'v2' ? 'Failed to parse or set cookie named "sid".' : undefined);
    const { handlers } = setup();
    await expect(
      handlers['cookie/save']({ tabId: 1, original: cookie('sid', 'v1'), next: cookie('sid', 'v2') }),
    ).rejects.toThrow('Chrome refused the cookie: Failed to parse or set cookie named "sid".');
    expect(storedValue('sid')).toBe('v1');
    expect((await handlers['journal/list']({ tabId: 1 })).entries).toEqual([]);
  });

  it('turns a journal that cannot be written into a warning, not an error', async () => {
    fake.sessionFails = () => true;
    const { handlers } = setup();
    const result = await handlers['cookie/save']({ tabId: 1, next: cookie('theme', 'dark') });
    expect(result).toMatchObject({ saved: { value: 'dark' } });
    expect('warning' in result && result.warning).toContain('cannot be undone');
  });
});

describe('Set-Cookie log messages', () => {
  it('clears a tab log and tells the pages', async () => {
    const { handlers, log, changed } = setup();
    log.setPreserve(1, true);
    expect(await handlers['setcookie/log']({ tabId: 1 })).toEqual({
      entries: [],
      preserve: true,
      recording: true,
      dropped: 0,
    });
    expect(await handlers['setcookie/recording']({ recording: false })).toEqual({ recording: false });
    expect(await handlers['setcookie/log']({ tabId: 1 })).toMatchObject({ recording: false });
    expect(await handlers['setcookie/clear']({ tabId: 1 })).toEqual({ cleared: 0 });
    expect(await handlers['setcookie/preserve']({ tabId: 1, preserve: false })).toEqual({ preserve: false });
    expect(changed).toEqual([1, 1]);
  });
});

describe('stale state: the site changes a cookie while Cookie Lens holds an older copy', () => {
  it('does not save over a cookie the site rotated while its form was open, and journals what it really replaced', async () => {
    fake.add({ ...cookie('sid', 'v1') });
    const { handlers } = setup();
    const opened = cookie('sid', 'v1');
    fake.add({ ...cookie('sid', 'v2') }); // the site rotates the session
    const first = await handlers['cookie/save']({ tabId: 1, original: opened, next: cookie('sid', 'mine') });
    expect(first).toEqual({
      conflict: {
        current: expect.objectContaining({ value: 'v2' }),
        message:
          'sid was changed by the site since you opened it (its value is now "v2"). Save again to overwrite it, or Cancel to keep it.',
      },
    });
    expect(storedValue('sid')).toBe('v2');
    // Saving again, knowingly, overwrites; Undo then brings back v2, not the stale v1.
    await handlers['cookie/save']({ tabId: 1, original: opened, next: cookie('sid', 'mine'), overwrite: true });
    expect(storedValue('sid')).toBe('mine');
    await handlers['journal/undo']({ tabId: 1 });
    expect(storedValue('sid')).toBe('v2');
  });

  it('says so when the cookie was deleted while its form was open', async () => {
    const { handlers } = setup();
    const result = await handlers['cookie/save']({
      tabId: 1,
      original: cookie('sid', 'v1'),
      next: cookie('sid', 'v2'),
    });
    expect(result).toEqual({
      conflict: {
        current: null,
        message: 'sid was deleted since you opened it. Save again to add it back, or Cancel.',
      },
    });
    expect(fake.cookies()).toEqual([]);
  });

  it('Undo of an edit leaves a cookie the site changed since, and restores it only when told to', async () => {
    fake.add({ ...cookie('sid', 'v1') });
    const { handlers } = setup();
    await handlers['cookie/save']({ tabId: 1, original: cookie('sid', 'v1'), next: cookie('sid', 'v2') });
    fake.add({ ...cookie('sid', 'v3') });
    const result = await handlers['journal/undo']({ tabId: 1 });
    expect(storedValue('sid')).toBe('v3');
    expect(result.conflicts.map((c) => c.message)).toEqual([
      'sid (app.example.com/) was changed since (its value is now "v3"), so Undo left it as it is.',
    ]);
    expect(result.conflictEntry).toBeTypeOf('number');
    await handlers['journal/undo']({ tabId: 1, entryId: result.conflictEntry as number, force: true });
    expect(storedValue('sid')).toBe('v1');
  });

  it('Undo of a delete does not overwrite a session the user logged in to again since', async () => {
    fake.add({ ...cookie('sid', 'old-session') });
    const { handlers } = setup();
    await handlers['cookies/delete']({ cookies: [cookie('sid', 'old-session')], label: 'Deleted sid' });
    fake.add({ ...cookie('sid', 'new-session') });
    const result = await handlers['journal/undo']({ tabId: 1 });
    expect(storedValue('sid')).toBe('new-session');
    expect(result.conflicts[0]?.message).toBe(
      'sid (app.example.com/) was set again since (its value is now "new-session"), so Undo did not overwrite it.',
    );
    // Keeping the current cookie forgets the entry.
    expect(await handlers['journal/drop']({ tabId: 1, entryId: result.conflictEntry as number })).toEqual({
      dropped: true,
    });
    expect((await handlers['journal/list']({ tabId: 1 })).entries).toEqual([]);
  });

  it('Undo of an add does not delete the cookie when the site set it again since', async () => {
    const { handlers } = setup();
    await handlers['cookie/save']({ tabId: 1, next: cookie('x', 'mine') });
    fake.add({ ...cookie('x', 'from-site') });
    const result = await handlers['journal/undo']({ tabId: 1 });
    expect(storedValue('x')).toBe('from-site');
    expect(result.conflicts).toHaveLength(1);
  });

  it('a change the browser refuses forever does not block older entries', async () => {
    fake.add({ ...cookie('a', '1') });
    fake.add({ ...cookie('b', '1') });
    const { handlers } = setup();
    await handlers['cookies/delete']({ cookies: [cookie('a', '1')], label: 'Deleted a' });
    await handlers['cookies/delete']({ cookies: [cookie('b', '1')], label: 'Deleted b' });
    fake.refuse = (d) => (d.name === 'b' ? 'refused' : undefined);
    expect((await handlers['journal/undo']({ tabId: 1 })).problems).toHaveLength(1);
    expect(await handlers['journal/undo']({ tabId: 1 })).toMatchObject({ undone: 'Deleted a', problems: [] });
    expect(storedValue('a')).toBe('1');
  });
});

describe('undo scope', () => {
  it("offers a tab only its own store's and site's changes", async () => {
    fake.add({ ...cookie('a', '1') });
    fake.add({ ...cookie('p', '1'), storeId: '1' });
    fake.add({ name: 'z', domain: 'elsewhere.test', value: '1' });
    fake.tabs.set(2, { id: 2, url: 'https://elsewhere.test/', incognito: false });
    const { handlers } = setup();
    await handlers['cookies/delete']({ cookies: [cookie('a', '1')], label: 'Deleted a' });
    await handlers['cookies/delete']({
      cookies: [{ ...cookie('p', '1'), storeId: '1' }],
      label: 'Deleted p (private)',
    });
    await handlers['cookies/delete']({
      cookies: [
        { ...cookie('z', '1'), domain: 'elsewhere.test', secure: false, httpOnly: false, sameSite: 'unspecified' },
      ],
      label: 'Deleted z',
    });
    expect((await handlers['journal/list']({ tabId: 1 })).entries.map((e) => e.label)).toEqual(['Deleted a']);
    expect((await handlers['journal/list']({ tabId: 2 })).entries.map((e) => e.label)).toEqual(['Deleted z']);
    expect(await handlers['journal/undo']({ tabId: 1 })).toMatchObject({ undone: 'Deleted a' });
    expect(await handlers['journal/undo']({ tabId: 1 })).toMatchObject({ undone: null });
  });
});

describe('import bounds', () => {
  it('refuses more cookies than a browser keeps in all, before writing any', async () => {
    const { handlers } = setup();
    const many = Array.from({ length: 3_001 }, (_, i) => cookie(`c${i}`, '1'));
    await expect(handlers['cookies/import']({ cookies: many })).rejects.toThrow(
      'Nothing was imported: 3,001 cookies is more than the 3,000 a browser keeps in all.',
    );
    expect(fake.cookies()).toEqual([]);
  });

  it('says before writing which site would go past 180 cookies', async () => {
    for (let i = 0; i < 175; i++) fake.add({ ...cookie(`old${i}`, '1') });
    const { handlers } = setup();
    const incoming = [...Array.from({ length: 10 }, (_, i) => cookie(`new${i}`, '1')), cookie('old0', 'replaced')];
    expect(await handlers['cookies/eviction-risks']({ cookies: incoming })).toEqual({
      risks: [{ site: 'example.com', stored: 175, adding: 10, limit: 180 }],
    });
    expect(await handlers['cookies/eviction-risks']({ cookies: incoming.slice(0, 5) })).toEqual({ risks: [] });
    const many = Array.from({ length: 3_001 }, (_, i) => cookie(`c${i}`, '1'));
    await expect(handlers['cookies/eviction-risks']({ cookies: many })).rejects.toThrow('Nothing was checked');
  });
});

describe('changes are noted before they act', () => {
  it('deletes nothing when the note cannot be saved, and says why', async () => {
    fake.add({ ...cookie('sid', 'v1') });
    fake.sessionFails = () => true;
    const { handlers } = setup();
    await expect(handlers['cookies/delete']({ cookies: [cookie('sid', 'v1')], label: 'Deleted sid' })).rejects.toThrow(
      'Nothing was changed: Cookie Lens could not first note what the change touches (QUOTA_BYTES quota exceeded).',
    );
    expect(storedValue('sid')).toBe('v1');
  });
});

describe('tab/view: a first screen in one round trip', () => {
  const refused = {
    id: 9,
    tabId: 1,
    time: 1,
    source: 'header' as const,
    requestUrl: 'https://app.example.com/',
    status: 200,
    frameType: 'main_frame' as const,
    header: 'bad=1; Domain=other.test',
    name: 'bad',
    verdict: 'rejected' as const,
    message: msg('text', 'The domain is not this site.'),
    notes: [],
    attributes: [],
  };

  it("answers what cookies/for-tab, journal/list's next Undo and setcookie/not-stored answer separately", async () => {
    const { handlers, log } = setup();
    // Neither Secure nor HttpOnly: a cookie with findings.
    const weak = { ...cookie('a', '1'), secure: false, httpOnly: false };
    await handlers['cookies/import']({ cookies: [weak, cookie('b', '2')] });
    await handlers['cookies/delete']({ cookies: [cookie('b', '2')], label: 'Deleted b' });
    log.add(1, [refused]);
    const view = await handlers['tab/view']({ tabId: 1 });
    const forTab = await handlers['cookies/for-tab']({ tabId: 1 });
    expect(unpackFindings(view.cookies)).toEqual(forTab);
    expect(forTab.findings.length).toBeGreaterThan(0);
    expect(view.cookies.cookies.map((c) => c.name)).toEqual(['a']);
    expect(view.undoNext).toBe('Deleted b');
    expect(view.notStored).toEqual((await handlers['setcookie/not-stored']({ tabId: 1 })).entries);
    expect(view.notStored?.map((h) => h.name)).toEqual(['bad']);
  });

  it('groups by site when asked, and has no Undo label when there is nothing to undo', async () => {
    const { handlers } = setup();
    const view = await handlers['tab/view']({ tabId: 1, bySite: true });
    const { sites, ...top } = await handlers['cookies/by-site']({ tabId: 1 });
    expect(view.undoNext).toBeUndefined();
    expect(view.notStored).toEqual([]);
    expect(unpackFindings(view.cookies)).toEqual({ ...top, sites: view.cookies.sites });
    expect(view.cookies.sites?.map((s) => unpackFindings(s))).toEqual(sites);
    expect(sites.map((s) => s.site)).toEqual(['example.com']);
  });

  it('does not hold the rows for a Set-Cookie log still busy: the page asks for the headers on its own', async () => {
    const log = new SetCookieLog();
    const handlers = createHandlers({
      store: browserStore({ onWrite: () => {} }),
      log: {
        withLog: () => new Promise(() => {}),
        changed: () => {},
        framesNow: (tabId) => log.frames(tabId),
        status: () => ({ recording: true, dropped: 0 }),
        setRecording: async () => {},
      },
    });
    await handlers['cookies/import']({ cookies: [cookie('a', '1')] });
    const view = await handlers['tab/view']({ tabId: 1 });
    expect(view.cookies.cookies.map((c) => c.name)).toEqual(['a']);
    expect(view.notStored).toBeUndefined();
  });
});
