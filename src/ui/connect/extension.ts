/** The pages' side of the message protocol: a typed `send` to the background worker. */
import browser from 'webextension-polyfill';
import type { Envelope, MessageName, Reply, RequestOf, ResponseOf } from '../../messages';

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
