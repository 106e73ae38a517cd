/** Background entry: wires the message handlers, the live-change broadcasts and the Set-Cookie log, nothing else. */
import browser from 'webextension-polyfill';
import { type CookiesChangedEvent, isEnvelope, type MessageName, type Reply, type SetCookieLoggedEvent } from '../messages';
import { handlers } from './handlers';
import { startSetCookieLog } from './setcookie-log';
import { errorText } from '../error-text';

browser.runtime.onMessage.addListener((message: unknown): Promise<Reply<unknown>> | undefined => {
  if (!isEnvelope(message) || !(message.type in handlers)) return undefined;
  const handler = handlers[message.type as MessageName] as (request: unknown) => Promise<unknown>;
  return handler(message.payload).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error: errorText(error) }),
  );
});

// Open popups and panels refresh when any cookie changes; no page open means nobody listens.
browser.cookies.onChanged.addListener(() => {
  const event: CookiesChangedEvent = { event: 'cookies-changed' };
  browser.runtime.sendMessage(event).catch(() => {});
});

// Every response's Set-Cookie headers, explained; open panels refresh their log when it changes.
startSetCookieLog((tabId) => {
  const event: SetCookieLoggedEvent = { event: 'setcookie-logged', tabId };
  browser.runtime.sendMessage(event).catch(() => {});
});
