import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { listEntries, putBack, record, takeNewest } = await import('../../../src/background/journal');
const { makeCookie } = await import('../fixtures');

beforeEach(() => fake.reset());

describe('the undo journal', () => {
  it('keeps entries newest first in session storage, numbered, and skips changes that changed nothing', async () => {
    await record('Deleted a', { before: [makeCookie({ name: 'a' })], after: [] });
    await record('Nothing', { before: [], after: [] });
    await record('Added b', { before: [], after: [makeCookie({ name: 'b' })] });
    const entries = await listEntries();
    expect(entries.map((e) => [e.id, e.label])).toEqual([
      [2, 'Added b'],
      [1, 'Deleted a'],
    ]);
    expect(fake.session.get('undoJournal')).toEqual(entries);
  });

  it('keeps the newest 50', async () => {
    for (let i = 1; i <= 55; i++) await record(`Deleted c${i}`, { before: [makeCookie({ name: `c${i}` })], after: [] });
    const entries = await listEntries();
    expect(entries).toHaveLength(50);
    expect(entries[0]?.label).toBe('Deleted c55');
    expect(entries.at(-1)?.label).toBe('Deleted c6');
  });

  it('takes the newest entry off, and puts one back on top', async () => {
    await record('Deleted a', { before: [makeCookie({ name: 'a' })], after: [] });
    await record('Deleted b', { before: [makeCookie({ name: 'b' })], after: [] });
    const newest = await takeNewest();
    expect(newest?.label).toBe('Deleted b');
    expect((await listEntries()).map((e) => e.label)).toEqual(['Deleted a']);
    if (newest) await putBack({ ...newest, label: 'Deleted b (the rest)' });
    expect((await listEntries()).map((e) => e.label)).toEqual(['Deleted b (the rest)', 'Deleted a']);
    expect(await takeNewest()).toMatchObject({ label: 'Deleted b (the rest)' });
  });

  it('reads anything but a list as an empty journal, and passes a failed write on to the caller', async () => {
    fake.session.set('undoJournal', 'garbage');
    expect(await listEntries()).toEqual([]);
    expect(await takeNewest()).toBeUndefined();
    fake.sessionFails = () => true;
    await expect(record('Deleted a', { before: [makeCookie({ name: 'a' })], after: [] })).rejects.toThrow(
      'QUOTA_BYTES',
    );
  });
});
