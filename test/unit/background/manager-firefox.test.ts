/** The manager's store switch and store-wide reads against the fake browser in its Firefox flavour. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
// Firefox before the background modules read which browser they run in.
fake.asFirefox();
const { createHandlers } = await import('../../../src/background/handlers');
const { browserStore } = await import('../../../src/background/store');
const { SetCookieLog } = await import('../../../src/core/set-cookie-log');

function handlers() {
  const log = new SetCookieLog();
  return createHandlers({
    store: browserStore(),
    log: {
      withLog: async (read) => read(log),
      changed: () => {},
      framesNow: (tabId) => log.frames(tabId),
      status: () => ({ recording: true, dropped: 0 }),
      setRecording: async () => {},
    },
  });
}

beforeEach(() => {
  fake.reset();
});

describe('stores/list (Firefox)', () => {
  it('lists the default store, the private one when allowed, and each container by name and colour', async () => {
    fake.containers = [
      { cookieStoreId: 'firefox-container-1', name: 'Personal', color: 'blue', colorCode: '#37adff' },
      { cookieStoreId: 'firefox-container-2', name: 'Work', color: 'orange', colorCode: '#ff9f00' },
    ];
    expect((await handlers()['stores/list']({})).stores).toEqual([
      { id: 'firefox-default', kind: 'default', name: 'Normal' },
      { id: 'firefox-container-1', kind: 'container', name: 'Personal', color: '#37adff' },
      { id: 'firefox-container-2', kind: 'container', name: 'Work', color: '#ff9f00' },
    ]);
    fake.privateAllowed = true;
    expect((await handlers()['stores/list']({})).stores.map((s) => s.id)).toEqual([
      'firefox-default',
      'firefox-private',
      'firefox-container-1',
      'firefox-container-2',
    ]);
  });

  it('lists no containers, without failing, when containers are turned off', async () => {
    fake.containers = undefined;
    expect((await handlers()['stores/list']({})).stores).toEqual([
      { id: 'firefox-default', kind: 'default', name: 'Normal' },
    ]);
  });
});

describe('store/cookies (Firefox)', () => {
  it("shows a container's cookies and no others, under the container's name", async () => {
    fake.containers = [{ cookieStoreId: 'firefox-container-1', name: 'Personal', color: 'blue', colorCode: '#37adff' }];
    fake.add({ name: 'mine', domain: 'shop.test', value: '1', storeId: 'firefox-container-1' });
    fake.add({ name: 'default', domain: 'shop.test', value: '1', storeId: 'firefox-default' });
    fake.add({ name: 'private', domain: 'shop.test', value: '1', storeId: 'firefox-private' });
    const answer = await handlers()['store/cookies']({ storeId: 'firefox-container-1' });
    expect(answer.store).toEqual({ id: 'firefox-container-1', kind: 'container', name: 'Personal', color: '#37adff' });
    expect(answer.sites.flatMap((s) => s.cookies.map((c) => c.name))).toEqual(['mine']);
  });

  it('backs up a container and restores into it', async () => {
    fake.containers = [{ cookieStoreId: 'firefox-container-1', name: 'Personal', color: 'blue', colorCode: '#37adff' }];
    fake.add({ name: 'mine', domain: 'shop.test', value: '1', storeId: 'firefox-container-1' });
    const h = handlers();
    const { text } = await h['backup/create']({ storeId: 'firefox-container-1' });
    expect(JSON.parse(text)).toMatchObject({
      browser: 'firefox',
      store: { id: 'firefox-container-1', kind: 'container', name: 'Personal' },
    });
    fake.jar.clear();
    expect(await h['backup/restore']({ storeId: 'firefox-container-1', text })).toMatchObject({ written: 1 });
    expect(fake.cookies().map((c) => [c.name, c.storeId])).toEqual([['mine', 'firefox-container-1']]);
  });
});
