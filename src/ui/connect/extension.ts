/** The pages' side of the message protocol: a typed `send` and the extension connector. */
import { browser } from './browser-api';
import type { Envelope, MessageName, Reply, RequestOf, ResponseOf, SiteGroup, TabCookies } from '../../messages';
import type { Connector, FirstScreen } from './connector';
import { unpackFindings } from './packed-findings';
import { t } from '../i18n';

export async function send<N extends MessageName>(type: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { type, payload };
  let reply: Reply<ResponseOf<N>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<N>> | undefined;
  } catch {
    reply = undefined;
  }
  // The worker stopped (or was stopped) before it answered: a change it was making is finished or
  // rolled back when it starts again, so the list shows the truth once it reloads.
  if (!reply) throw new Error(t('worker_stopped'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The tab a page should show: `?tabId=N` when given, else the active tab of the page's window. */
export async function targetTabId(search: string = location.search): Promise<number> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) throw new Error(t('no_active_tab'));
  return active.id;
}

/** Calls `listener` for every broadcast event named `name` (and accepted by `accept`); returns the unsubscribe. */
export function onEvent(
  name: string,
  listener: () => void,
  accept: (message: { tabId?: unknown }) => boolean = () => true,
) {
  const handle = (message: unknown) => {
    const event = message as { event?: unknown; tabId?: unknown } | null;
    if (event?.event === name && accept(event)) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

export interface ConnectorOptions {
  /** Load the cookies grouped by site (top-level site and third-party frames), as the DevTools panel does. */
  bySite?: boolean;
}

export function extensionConnector(tabId: () => Promise<number>, options: ConnectorOptions = {}): Connector {
  const load = async () => send(options.bySite ? 'cookies/by-site' : 'cookies/for-tab', { tabId: await tabId() });
  const view = async (): Promise<FirstScreen> => {
    const { cookies, ...rest } = await send('tab/view', {
      tabId: await tabId(),
      ...(options.bySite ? { bySite: true } : {}),
    });
    const { sites, ...top } = cookies;
    const tab = unpackFindings<TabCookies>(top);
    return { ...rest, cookies: sites ? { ...tab, sites: sites.map((s) => unpackFindings<SiteGroup>(s)) } : tab };
  };
  // The first view (cookies, Undo's label, not-stored headers: one message) starts now, while the
  // page is still rendering, not after the first paint.
  let first: ReturnType<typeof view> | undefined = view();
  first.catch(() => {});
  // A change before the page takes that first answer makes it stale: the page then asks afresh.
  const stopWatching = onEvent('cookies-changed', () => {
    first = undefined;
    stopWatching();
  });
  return {
    load,
    view: () => {
      const pending = first;
      first = undefined;
      stopWatching();
      return pending ?? view();
    },
    save: async (original, next, options = {}) =>
      send('cookie/save', { tabId: await tabId(), next, ...(original ? { original } : {}), ...options }),
    check: async (cookie) => send('cookie/check', { tabId: await tabId(), cookie }),
    remove: (cookies, label, options = {}) => send('cookies/delete', { cookies, label, ...options }),
    importCookies: (cookies) => send('cookies/import', { cookies }),
    evictionRisks: async (cookies) => (await send('cookies/eviction-risks', { cookies })).risks,
    protectRules: async () => (await send('protect/list', {})).rules,
    setProtection: async (change) => (await send('protect/set', change)).rules,
    journal: async () => (await send('journal/list', { tabId: await tabId() })).entries,
    undo: async (options = {}) => send('journal/undo', { tabId: await tabId(), ...options }),
    dropUndo: async (entryId) => (await send('journal/drop', { tabId: await tabId(), entryId })).dropped,
    onChange: (listener) => onEvent('cookies-changed', listener),
    notStored: async () => (await send('setcookie/not-stored', { tabId: await tabId() })).entries,
  };
}
