/** Background entry: wires the message handlers, the live-change broadcasts and the Set-Cookie log, nothing else. */
import browser, { type Runtime } from 'webextension-polyfill';
import type { CookiesChangedEvent, SetCookieLoggedEvent } from '../messages';
import { createHandlers } from './handlers';
import { recover } from './intent';
import { purgeStores } from './journal';
import { announceCookieChanges } from './live-changes';
import { isPrivateStore } from './platform';
import { route } from './router';
import { recordingSetting, startSetCookieLog } from './set-cookie-log';
import { browserStore } from './store';

// Every response's Set-Cookie headers, explained; open panels refresh their log when it changes.
const log = startSetCookieLog((tabId) => {
  const event: SetCookieLoggedEvent = { event: 'setcookie-logged', tabId };
  browser.runtime.sendMessage(event).catch(() => {});
});

// Cookie Lens's own writes (edits, imports, undo) are not logged as "set by script".
const store = browserStore({ onWrite: (cookie) => log.expectOwnWrite(cookie) });
// Open popups and panels refresh when any cookie changes (and when the protection rules do), told
// once for a burst of changes; no page open means nobody listens.
const live = announceCookieChanges(() => {
  const event: CookiesChangedEvent = { event: 'cookies-changed' };
  browser.runtime.sendMessage(event).catch(() => {});
});
// A change the worker was stopped in the middle of is finished or rolled back before any other.
const ready = live
  .during(() => recover(store))
  .then(
    (labels) => labels.length > 0 && console.info('Cookie Lens: recovered interrupted changes', labels),
    (error: unknown) => console.warn('Cookie Lens: recovery', error),
  );
const handlers = createHandlers({
  ready,
  store,
  broadcast: live.changed,
  changing: live.during,
  log: {
    withLog: (read) => log.withLog(read),
    changed: (tabId) => log.changed(tabId),
    framesNow: (tabId) => log.framesNow(tabId),
    status: () => log.status(),
    setRecording: async (on) => {
      log.setRecording(on);
      await recordingSetting.set(on);
    },
  },
});

// A private session's undo entries and logs go with its last window, so they never reach the next one.
async function forgetEndedPrivateSession(): Promise<void> {
  const windows = await browser.windows.getAll();
  if (windows.some((w) => w.incognito)) return;
  log.forgetPrivate();
  await purgeStores(isPrivateStore);
}
// After recovery, so a change interrupted in a private window is settled before its entries go.
browser.windows.onRemoved.addListener(() => void ready.then(forgetEndedPrivateSession).catch(() => {}));
void ready.then(forgetEndedPrivateSession).catch(() => {});

const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(handlers, message, sender, self),
);
