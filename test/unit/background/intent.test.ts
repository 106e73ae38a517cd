import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { begin, finish, recover } = await import('../../../src/background/intent');
const { allEntries, take } = await import('../../../src/background/journal');
const { browserStore } = await import('../../../src/background/store');
const { revert } = await import('../../../src/background/revert');
const { makeCookie } = await import('../fixtures');

const store = browserStore();
const cookie = (name: string, value: string, path = '/') => makeCookie({ name, value, domain: 'app.example.com', path });
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
