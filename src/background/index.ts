/** Background entry: wires the message handlers, the live-change broadcasts and the Set-Cookie log, nothing else. */
import browser from 'webextension-polyfill';
import { errorText } from '../error-text';
import { type CookiesChangedEvent, isEnvelope, type Reply, type SetCookieLoggedEvent } from '../messages';
import { createHandlers } from './handlers';
import { onCookieChanged } from './platform';
import { startSetCookieLog } from './set-cookie-log';
import { browserStore } from './store';

// Every response's Set-Cookie headers, explained; open panels refresh their log when it changes.
const log = startSetCookieLog((tabId) => {
  const event: SetCookieLoggedEvent = { event: 'setcookie-logged', tabId };
  browser.runtime.sendMessage(event).catch(() => {});
});

// Cookie Lens's own writes (edits, imports, undo) are not logged as "set by script".
const handlers = createHandlers({ store: browserStore({ onWrite: (cookie) => log.expectOwnWrite(cookie) }), log });

browser.runtime.onMessage.addListener((message: unknown): Promise<Reply<unknown>> | undefined => {
  if (!isEnvelope(message) || !(message.type in handlers)) return undefined;
  const handler = handlers[message.type] as (request: unknown) => Promise<unknown>;
  return handler(message.payload).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error: errorText(error) }),
  );
});

// Open popups and panels refresh when any cookie changes; no page open means nobody listens.
onCookieChanged(() => {
  const event: CookiesChangedEvent = { event: 'cookies-changed' };
  browser.runtime.sendMessage(event).catch(() => {});
});
