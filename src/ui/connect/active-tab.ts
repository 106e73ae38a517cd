/**
 * The tab the side panel shows: the active tab of the browser window the panel belongs to, followed
 * as the user switches tabs in that window and as that tab navigates. Chrome's side panel and
 * Firefox's sidebar each live in one browser window, so tab switches in other windows are not theirs.
 */

/** A listener registry as the extension API's events have it. */
export interface ApiEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

interface TabLike {
  id?: number | undefined;
  windowId?: number | undefined;
  active?: boolean | undefined;
}

/** The part of `browser.tabs` (and `browser.windows`) the follower needs; tests pass a fake. */
export interface TabsApi {
  query(query: { active: true; windowId: number }): Promise<TabLike[]>;
  /** The tab this page is in; undefined in a side panel or sidebar. */
  getCurrent(): Promise<TabLike | undefined>;
  onActivated: ApiEvent<(info: { tabId: number; windowId: number }) => void>;
  onUpdated: ApiEvent<(tabId: number, change: { url?: string; status?: string }, tab: TabLike) => void>;
  /** The window this page is in (the side panel's browser window). */
  currentWindow(): Promise<{ id?: number | undefined }>;
}

export interface ActiveTabFollower {
  /** The tab shown now: the active tab of the panel's window, or undefined when there is none to show. */
  current(): Promise<number | undefined>;
  /** Calls `listener` with the newly shown tab when the user switches tabs in the panel's window. */
  onSwitch(listener: (tabId: number) => void): () => void;
  /** Calls `listener` when the shown tab navigates (its URL changes, or a load completes). */
  onNavigate(listener: (tabId: number) => void): () => void;
  /** Stops listening to the browser. */
  stop(): void;
}

/**
 * Follows the active tab of the page's own window. When the page itself is a tab (opened as a page,
 * as tests do), that tab is never "the site shown": activating it keeps the tab shown before.
 */
export function followActiveTab(tabs: TabsApi): ActiveTabFollower {
  const switchListeners = new Set<(tabId: number) => void>();
  const navigateListeners = new Set<(tabId: number) => void>();
  const ownTab = tabs.getCurrent().then(
    (tab) => tab?.id,
    () => undefined,
  );
  const windowId = tabs.currentWindow().then((w) => w.id);
  let shown: Promise<number | undefined> = Promise.all([windowId, ownTab]).then(async ([window, own]) => {
    if (window === undefined) return undefined;
    const [active] = await tabs.query({ active: true, windowId: window });
    return active?.id !== undefined && active.id !== own ? active.id : undefined;
  });
  shown = shown.catch(() => undefined);
  // Events apply in the order they came, each after the first answer.
  let queue: Promise<unknown> = shown;

  const onActivated = ({ tabId, windowId: from }: { tabId: number; windowId: number }) => {
    queue = queue
      .then(async () => {
        if (from !== (await windowId) || tabId === (await ownTab) || tabId === (await shown)) return;
        shown = Promise.resolve(tabId);
        for (const listener of switchListeners) listener(tabId);
      })
      .catch(() => {});
  };
  const onUpdated = (tabId: number, change: { url?: string; status?: string }) => {
    if (change.url === undefined && change.status !== 'complete') return;
    queue = queue
      .then(async () => {
        if (tabId !== (await shown)) return;
        for (const listener of navigateListeners) listener(tabId);
      })
      .catch(() => {});
  };
  tabs.onActivated.addListener(onActivated);
  tabs.onUpdated.addListener(onUpdated);

  return {
    current: () => queue.then(() => shown),
    onSwitch(listener) {
      switchListeners.add(listener);
      return () => switchListeners.delete(listener);
    },
    onNavigate(listener) {
      navigateListeners.add(listener);
      return () => navigateListeners.delete(listener);
    },
    stop() {
      tabs.onActivated.removeListener(onActivated);
      tabs.onUpdated.removeListener(onUpdated);
      switchListeners.clear();
      navigateListeners.clear();
    },
  };
}
