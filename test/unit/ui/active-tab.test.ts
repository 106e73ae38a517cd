import { describe, expect, it } from 'vitest';
import { type ApiEvent, followActiveTab, type TabsApi } from '../../../src/ui/connect/active-tab';

/** A browser's tabs as far as the follower sees them: windows of tabs, one active per window. */
function fakeTabs(options: {
  windows: Record<number, number[]>;
  active: Record<number, number>;
  own?: number;
  mine: number;
}) {
  const active = { ...options.active };
  const event = <L extends (...args: never[]) => void>() => {
    const listeners = new Set<L>();
    const api: ApiEvent<L> & { fire: (...args: Parameters<L>) => void; count: () => number } = {
      addListener: (l) => listeners.add(l),
      removeListener: (l) => listeners.delete(l),
      fire: (...args) => {
        for (const l of listeners) l(...args);
      },
      count: () => listeners.size,
    };
    return api;
  };
  const onActivated = event<(info: { tabId: number; windowId: number }) => void>();
  const onUpdated =
    event<(tabId: number, change: { url?: string; status?: string }, tab: { active?: boolean }) => void>();
  const windowOf = (tabId: number) =>
    Number(Object.entries(options.windows).find(([, tabs]) => tabs.includes(tabId))?.[0] ?? Number.NaN);
  const tabs: TabsApi = {
    query: async ({ windowId }) =>
      active[windowId] === undefined ? [] : [{ id: active[windowId], windowId, active: true }],
    getCurrent: async () => (options.own === undefined ? undefined : { id: options.own }),
    onActivated,
    onUpdated,
    currentWindow: async () => ({ id: options.mine }),
  };
  return {
    tabs,
    onActivated,
    onUpdated,
    /** The user switches to `tabId` in its window. */
    activate(tabId: number) {
      const windowId = windowOf(tabId);
      active[windowId] = tabId;
      onActivated.fire({ tabId, windowId });
    },
  };
}

describe('followActiveTab', () => {
  it("shows the active tab of the panel's own window, not another window's", async () => {
    const browser = fakeTabs({ windows: { 1: [10, 11], 2: [20] }, active: { 1: 11, 2: 20 }, mine: 1 });
    const follower = followActiveTab(browser.tabs);
    expect(await follower.current()).toBe(11);
  });

  it('follows tab switches in its window and ignores those in other windows', async () => {
    const browser = fakeTabs({ windows: { 1: [10, 11], 2: [20, 21] }, active: { 1: 10, 2: 20 }, mine: 1 });
    const follower = followActiveTab(browser.tabs);
    const switched: number[] = [];
    follower.onSwitch((id) => switched.push(id));
    expect(await follower.current()).toBe(10);
    browser.activate(21);
    browser.activate(11);
    expect(await follower.current()).toBe(11);
    expect(switched).toEqual([11]);
    browser.activate(10);
    expect(await follower.current()).toBe(10);
    expect(switched).toEqual([11, 10]);
  });

  it('reports navigations of the shown tab only: a new URL or a finished load, not every update', async () => {
    const browser = fakeTabs({ windows: { 1: [10, 11] }, active: { 1: 10 }, mine: 1 });
    const follower = followActiveTab(browser.tabs);
    const navigated: number[] = [];
    follower.onNavigate((id) => navigated.push(id));
    await follower.current();
    browser.onUpdated.fire(10, { status: 'loading' }, { active: true });
    browser.onUpdated.fire(11, { url: 'https://other.example/' }, { active: false });
    browser.onUpdated.fire(10, { url: 'https://example.com/next' }, { active: true });
    browser.onUpdated.fire(10, { status: 'complete' }, { active: true });
    await follower.current();
    expect(navigated).toEqual([10, 10]);
    browser.activate(11);
    browser.onUpdated.fire(10, { status: 'complete' }, { active: false });
    browser.onUpdated.fire(11, { status: 'complete' }, { active: true });
    await follower.current();
    expect(navigated).toEqual([10, 10, 11]);
  });

  it('opened as a tab itself (as tests do), it never shows its own tab and keeps the one before', async () => {
    const browser = fakeTabs({ windows: { 1: [5, 10] }, active: { 1: 5 }, own: 5, mine: 1 });
    const follower = followActiveTab(browser.tabs);
    expect(await follower.current()).toBeUndefined();
    browser.activate(10);
    expect(await follower.current()).toBe(10);
    browser.activate(5);
    expect(await follower.current()).toBe(10);
  });

  it('stop() removes its listeners from the browser', async () => {
    const browser = fakeTabs({ windows: { 1: [10] }, active: { 1: 10 }, mine: 1 });
    const follower = followActiveTab(browser.tabs);
    expect([browser.onActivated.count(), browser.onUpdated.count()]).toEqual([1, 1]);
    follower.stop();
    expect([browser.onActivated.count(), browser.onUpdated.count()]).toEqual([0, 0]);
  });
});
