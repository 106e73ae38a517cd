import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { abort, begin, finish, recover } = await import('../../../src/background/intent');
const { allEntries, take } = await import('../../../src/background/journal');
const { browserStore } = await import('../../../src/background/store');
const { revert } = await import('../../../src/background/revert');
const { makeCookie } = await import('../fixtures');

const store = browserStore();
const cookie = (name: string, value: string, path = '/') =>
  makeCookie({ name, value, domain: 'app.example.com', path });
const values = () =>
  fake
    .cookies()
    .map((c) => `${c.name}${c.path}=${c.value}`)
    .sort();
const here = { storeId: '0', sites: ['example.com'] };
const put = (name: string, value: string, path = '/') => fake.add({ name, value, domain: 'app.example.com', path });

beforeEach(() => fake.reset());

describe('a change the worker was stopped in the middle of', () => {
  it('is noted before it acts, with every same-name cookie Chromium could take along', async () => {
    put('dup', 'root');
    put('dup', 'sub', '/sub');
    const intent = await begin(store, 'Deleted dup', [cookie('dup', 'sub', '/sub')]);
    const [pending] = await allEntries();
    expect(pending).toMatchObject({ id: intent.id, pending: true, label: 'Deleted dup' });
    expect(pending?.before.map((c) => c.path).sort()).toEqual(['/', '/sub']);
    // A pending change is not offered to Undo.
    expect(await take(here)).toBeUndefined();
  });

  it('delete: stopped after Chromium removed both same-name cookies, before the put-back: both come back', async () => {
    put('dup', 'root');
    put('dup', 'sub', '/sub');
    await begin(store, 'Deleted dup', [cookie('dup', 'sub', '/sub')]);
    await fake.browser.cookies.remove({ url: 'http://app.example.com/sub', name: 'dup', storeId: '0' });
    expect(values()).toEqual([]);
    expect(await recover(store)).toEqual(['Deleted dup']);
    expect(values()).toEqual(['dup/=root', 'dup/sub=sub']);
    expect((await allEntries()).map((e) => [e.label, e.pending])).toEqual([['Deleted dup (interrupted)', undefined]]);
  });

  it('rename: stopped after the new cookie was written and the old removed: the old comes back, the new stays, Undo takes the new away', async () => {
    put('theme', 'dark');
    await begin(store, 'Edited theme', [cookie('colour', 'dark'), cookie('theme', 'dark')]);
    await store.write(cookie('colour', 'dark'));
    await store.removeOnce(cookie('theme', 'dark'));
    await recover(store);
    expect(values()).toEqual(['colour/=dark', 'theme/=dark']);
    const entry = await take(here);
    expect(entry?.label).toBe('Edited theme (interrupted)');
    if (entry) await revert(store, entry);
    expect(values()).toEqual(['theme/=dark']);
  });

  it('undo: stopped half-way, what it did is rolled back and the change is undoable again', async () => {
    put('a', '1');
    put('b', '1');
    const change = { before: [cookie('a', '1'), cookie('b', '1')], after: [] };
    const { id } = await begin(store, 'Deleted a and b', change.before);
    for (const c of change.before) await store.removeOnce(c);
    await finish({ id, label: 'Deleted a and b' }, change);
    // Undo starts: takes the entry, notes its intent, writes back a, and stops.
    const entry = await take(here);
    if (!entry) throw new Error('no entry');
    await begin(store, entry.label, [...entry.before, ...entry.after], entry);
    await store.write(cookie('a', '1'));
    await recover(store);
    const again = await take(here);
    expect(again?.label).toBe('Deleted a and b');
    if (again) await revert(store, again);
    expect(values()).toEqual(['a/=1', 'b/=1']);
  });

  it('a finished change leaves its undo entry and no pending one; one that changed nothing leaves none', async () => {
    put('a', '1');
    const done = await begin(store, 'Deleted a', [cookie('a', '1')]);
    await store.removeOnce(cookie('a', '1'));
    expect(await finish(done, { before: [cookie('a', '1')], after: [] })).toEqual({});
    const nothing = await begin(store, 'Deleted b', [cookie('a', '1'), cookie('b', '2')]);
    await finish(nothing, { before: [], after: [] });
    expect((await allEntries()).map((e) => [e.label, e.pending])).toEqual([['Deleted a', undefined]]);
    expect(await recover(store)).toEqual([]);
  });

  it('refuses to act when what it touches cannot be noted first', async () => {
    put('a', '1');
    fake.sessionFails = () => true;
    await expect(begin(store, 'Deleted a', [cookie('a', '1')])).rejects.toThrow('Nothing was changed');
  });
});

describe('what a note holds, and what recovery may do with it', () => {
  it('holds only the cookies the change may touch: not a same-name cookie of another site', async () => {
    put('sessionid', 'a');
    fake.add({ name: 'sessionid', domain: 'other.test', value: 'b' });
    await begin(store, 'Deleted sessionid', [cookie('sessionid', 'a')]);
    const [note] = await allEntries();
    expect(note?.before.map((c) => c.domain)).toEqual(['app.example.com']);
    // The other site logs out meanwhile: recovery does not bring its cookie back.
    await fake.browser.cookies.remove({ url: 'http://other.test/', name: 'sessionid', storeId: '0' });
    await recover(store);
    expect(values()).toEqual(['sessionid/=a']);
  });

  it('a change too large to journal is still done, says it cannot be undone, and is not undone later by recovery', async () => {
    const big = 'x'.repeat(5_000);
    const imported = Array.from({ length: 300 }, (_, i) => cookie(`c${i}`, big));
    // `begin` refuses a change whose entry it can tell will not fit (below); `finish` stays the safety
    // net for an entry that outgrows what `begin` was told (here: told of no writes).
    const intent = await begin(store, 'Importing 300 cookies', imported, undefined, []);
    for (const c of imported) await store.write(c);
    const notes = await finish(intent, { before: [], after: imported });
    expect(notes.warning).toContain('cannot be undone');
    expect(await allEntries()).toEqual([]);
    expect(await recover(store)).toEqual([]);
    expect(fake.cookies()).toHaveLength(300);
  });

  it('a change whose undo entry would not fit is refused before anything is written', async () => {
    const big = 'x'.repeat(5_000);
    const imported = Array.from({ length: 300 }, (_, i) => cookie(`c${i}`, big));
    await expect(begin(store, 'Importing 300 cookies', imported)).rejects.toThrow(
      /^Nothing was changed: this change is too large to undo \(1\.\d MB; the limit is 1\.3 MB\)\. Select fewer cookies\.$/,
    );
    expect(await allEntries()).toEqual([]);
    expect(fake.cookies()).toEqual([]);
  });

  it('a delete of a full store (3,300 cookies, typical 40-byte values) fits: its entry is what it removes', async () => {
    for (let i = 0; i < 3_300; i++) {
      fake.add({
        name: `_ga_${String(i).padStart(8, 'X')}`,
        value: `GS1.1.${String(i).padStart(34, '7')}`,
        domain: `.www.site${i % 180}.example`,
        hostOnly: false,
        session: false,
        expirationDate: 2_000_000_000 + i,
      });
    }
    const stored = (await store.getAllIn?.('0')) ?? [];
    expect(stored).toHaveLength(3_300);
    // As `cookies/delete` begins: nothing written, so the note and the entry are the cookies removed.
    const intent = await begin(store, 'Deleted 3300 cookies', stored, undefined, []);
    expect(intent.id).toBeDefined();
    expect(await finish(intent, { before: stored, after: [] })).toEqual({});
    const [entry] = await allEntries();
    expect(entry).toMatchObject({ label: 'Deleted 3300 cookies', after: [] });
    expect(entry?.before).toHaveLength(3_300);
  });

  it('a failed change puts back what it took away and leaves no note', async () => {
    put('dup', 'root');
    put('dup', 'sub', '/sub');
    const intent = await begin(store, 'Edited dup', [cookie('dup', 'sub', '/sub')]);
    await fake.browser.cookies.remove({ url: 'http://app.example.com/sub', name: 'dup', storeId: '0' });
    await abort(store, intent);
    expect(values()).toEqual(['dup/=root', 'dup/sub=sub']);
    expect(await allEntries()).toEqual([]);
  });
});
