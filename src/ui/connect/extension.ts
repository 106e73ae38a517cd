/** The pages' side of the message protocol: a typed `send` and the extension connector. */
import browser from 'webextension-polyfill';
import type { Envelope, MessageName, Reply, RequestOf, ResponseOf } from '../../messages';
import type { Connector } from './connector';

export async function send<N extends MessageName>(type: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<N>> | undefined;
  if (!reply) throw new Error(`The background worker did not answer "${type}".`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The tab a page should show: `?tabId=N` when given, else the active tab of the page's window. */
export async function targetTabId(search: string = location.search): Promise<number> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) throw new Error('No active tab to show cookies for.');
  return active.id;
}

export function extensionConnector(tabId: () => Promise<number>): Connector {
  return {
    load: async () => send('cookies/for-tab', { tabId: await tabId() }),
    save: async (original, next) =>
      (await send('cookie/save', { tabId: await tabId(), next, ...(original ? { original } : {}) })).saved,
    check: async (cookie) => send('cookie/check', { tabId: await tabId(), cookie }),
    remove: async (cookies, label) => (await send('cookies/delete', { cookies, label })).removed,
    importCookies: (cookies) => send('cookies/import', { cookies }),
    journal: async () => (await send('journal/list', {})).entries,
    undo: async () => (await send('journal/undo', {})).undone,
    onChange(listener) {
      const handle = (message: unknown) => {
        if ((message as { event?: unknown } | null)?.event === 'cookies-changed') listener();
        return undefined;
      };
      browser.runtime.onMessage.addListener(handle);
      return () => browser.runtime.onMessage.removeListener(handle);
    },
  };
}
