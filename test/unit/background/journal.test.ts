import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { JOURNAL_BYTES, LIMIT_PER_STORE, allEntries, entryFor, listEntries, purgeStores, putBack, record, take } =
  await import('../../../src/background/journal');
const { makeCookie } = await import('../fixtures');

const deleted = (name: string, fields = {}) =>
  entryFor(`Deleted ${name}`, { before: [makeCookie({ name, domain: 'app.example.com', ...fields })], after: [] });
const here = { storeId: '0', sites: ['example.com'] };

beforeEach(() => fake.reset());

describe('the undo journal', () => {
  it('keeps entries newest first in session storage, numbered, with their store and sites', async () => {
    await record(deleted('a'));
    await record(entryFor('Nothing', { before: [], after: [] }));
    await record(entryFor('Added b', { before: [], after: [makeCookie({ name: 'b', domain: '.other.test' })] }));
    const entries = await allEntries();
    expect(entries.map((e) => [e.id, e.label, e.storeId, e.sites])).toEqual([
      [2, 'Added b', '0', ['other.test']],
      [1, 'Deleted a', '0', ['example.com']],
    ]);
    expect(fake.session.get('undoJournal')).toEqual(entries);
  });

  it("shows a page only its own store's and sites' entries", async () => {
    await record(deleted('a'));
    await record(deleted('private', { storeId: '1' }));
    await record(entryFor('Deleted x', { before: [makeCookie({ name: 'x', domain: 'elsewhere.test' })], after: [] }));
    expect((await listEntries(here)).map((e) => e.label)).toEqual(['Deleted a']);
    expect((await listEntries({ storeId: '1', sites: ['example.com'] })).map((e) => e.label)).toEqual(['Deleted private']);
    expect(await take({ storeId: '0', sites: ['nowhere.test'] })).toBeUndefined();
  });

  it(`keeps the newest ${LIMIT_PER_STORE} of each store`, async () => {
    for (let i = 1; i <= 55; i++) await record(deleted(`c${i}`));
    await record(deleted('other-store', { storeId: 'firefox-container-1' }));
    const entries = await allEntries();
    expect(entries.filter((e) => e.storeId === '0')).toHaveLength(LIMIT_PER_STORE);
    expect(entries.filter((e) => e.storeId === '0').at(-1)?.label).toBe('Deleted c6');
    expect(entries.some((e) => e.storeId === 'firefox-container-1')).toBe(true);
  });

  it('keeps within its byte budget, and refuses one change larger than the budget', async () => {
    const big = 'x'.repeat(4000);
    const many = (n: number) =>
      entryFor('Deleted many', {
        before: Array.from({ length: n }, (_, i) => makeCookie({ name: `c${i}`, value: big, domain: 'app.example.com' })),
        after: [],
      });
    await expect(record(many(1200))).rejects.toThrow('too large to keep for Undo');
    for (let i = 0; i < 4; i++) await record(many(300));
    const bytes = new TextEncoder().encode(JSON.stringify(fake.session.get('undoJournal'))).length;
    expect(bytes).toBeLessThanOrEqual(JOURNAL_BYTES);
    expect((await allEntries()).length).toBe(3);
  });

  it('takes the newest entry that is neither stuck nor in conflict; a stuck one only when nothing else is left', async () => {
    await record(deleted('old'));
    await putBack({ ...deleted('refused'), at: 0, sites: ['example.com'], stuck: true });
    await putBack({ ...deleted('changed'), at: 0, sites: ['example.com'], conflict: true });
    expect((await take(here))?.label).toBe('Deleted old');
    expect((await take(here))?.label).toBe('Deleted refused');
    expect(await take(here)).toBeUndefined();
    const [conflict] = await listEntries(here);
    expect((await take(here, conflict?.id))?.label).toBe('Deleted changed');
  });

  it("forgets a private store's entries when asked", async () => {
    await record(deleted('a'));
    await record(deleted('b', { storeId: '1' }));
    expect(await purgeStores((id) => id === '1')).toBe(1);
    expect((await allEntries()).map((e) => e.label)).toEqual(['Deleted a']);
  });

  it('reads anything but a list as an empty journal, and passes a failed write on to the caller', async () => {
    fake.session.set('undoJournal', 'garbage');
    expect(await allEntries()).toEqual([]);
    expect(await take(here)).toBeUndefined();
    fake.sessionFails = () => true;
    await expect(record(deleted('a'))).rejects.toThrow('QUOTA_BYTES');
  });
});

describe('journal writes one at a time', () => {
  it('a change settling while a private session is purged loses neither the settle nor the purge', async () => {
    const { settle } = await import('../../../src/background/journal');
    const pendingId = await record({ ...deleted('a'), pending: true });
    await record(deleted('private', { storeId: '1' }));
    await Promise.all([
      settle(pendingId as number, deleted('a')),
      purgeStores((id) => id === '1'),
    ]);
    const entries = await allEntries();
    expect(entries.map((e) => [e.label, e.pending, e.storeId])).toEqual([['Deleted a', undefined, '0']]);
  });
});
