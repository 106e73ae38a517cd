import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { createHandlers } = await import('../../../src/background/handlers');
const { browserStore } = await import('../../../src/background/store');
const { SetCookieLog } = await import('../../../src/core/set-cookie-log');

function setup() {
  const log = new SetCookieLog();
  const changed: number[] = [];
  const written: string[] = [];
  const handlers = createHandlers({
    store: browserStore({ onWrite: (c) => written.push(c.name) }),
    log: { withLog: async (read) => read(log), changed: (tabId) => changed.push(tabId) },
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
    const { entries } = await handlers['journal/list']({});
    expect(entries).toHaveLength(1);
    expect(entries[0]?.label).toBe('Imported 2 cookies');
    expect(entries[0]?.before.map((c) => c.value)).toEqual(['original']);

    const undone = await handlers['journal/undo']({});
    expect(undone).toEqual({ undone: 'Imported 2 cookies', problems: [] });
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
    const result = await handlers['journal/undo']({});
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
    expect((await handlers['journal/undo']({})).problems).toHaveLength(1);
    fake.refuse = () => undefined;
    expect(await handlers['journal/undo']({})).toEqual({ undone: 'Deleted sid (the rest)', problems: [] });
    expect(storedValue('sid')).toBe('v1');
  });

  it('answers null when there is nothing to undo', async () => {
    expect(await setup().handlers['journal/undo']({})).toEqual({ undone: null, problems: [] });
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
    expect((await handlers['journal/list']({})).entries).toEqual([]);
  });

  it('turns a journal that cannot be written into a warning, not an error', async () => {
    fake.sessionFails = () => true;
    const { handlers } = setup();
    const result = await handlers['cookie/save']({ tabId: 1, next: cookie('theme', 'dark') });
    expect(result.saved.value).toBe('dark');
    expect(result.warning).toContain('cannot be undone');
  });
});

describe('Set-Cookie log messages', () => {
  it('clears a tab log and tells the pages', async () => {
    const { handlers, log, changed } = setup();
    log.setPreserve(1, true);
    expect(await handlers['setcookie/log']({ tabId: 1 })).toEqual({ entries: [], preserve: true });
    expect(await handlers['setcookie/clear']({ tabId: 1 })).toEqual({ cleared: 0 });
    expect(await handlers['setcookie/preserve']({ tabId: 1, preserve: false })).toEqual({ preserve: false });
    expect(changed).toEqual([1, 1]);
  });
});
