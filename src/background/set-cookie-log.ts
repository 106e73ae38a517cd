/**
 * Feeds the Set-Cookie recorder (../core/set-cookie-log/recorder.ts) from the browser: every
 * response's Set-Cookie headers from `webRequest.onHeadersReceived` (which fires before the browser
 * stores the cookies), every cookie change, and closed tabs. Nothing but translation happens here.
 */
import browser, { type WebRequest } from 'webextension-polyfill';
import type { FrameType } from '../core/set-cookie-log';
import { SetCookieRecorder } from '../core/set-cookie-log';
import { getAllUnder, storeIdForTab } from './cookie-api';
import { browserName, defaultStoreId, isPrivateStore, localValue, onCookieChanged, sessionValue } from './platform';
import { thirdPartyCookiesBlocked, watchThirdPartySetting } from './third-party-setting';

/** The user's choice to record Set-Cookie headers (on unless turned off in the log view). */
export const recordingSetting = localValue<boolean>('recordSetCookies');

/**
 * A header value as the server sent it. Firefox hands over each byte as one character, so UTF-8
 * text (U+202E is E2 80 AE) arrives as Latin-1 look-alikes: such a value is read as UTF-8 again
 * when it is valid UTF-8; anything else is left as it came.
 */
export function asSent(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const bytes = Uint8Array.from(value, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return value;
  }
}

/** The Set-Cookie headers of a response. Firefox joins several into one value, one per line. */
export function setCookieHeaders(headers: WebRequest.HttpHeaders | undefined): string[] {
  return (headers ?? [])
    .filter((h) => h.name.toLowerCase() === 'set-cookie' && typeof h.value === 'string')
    .flatMap((h) => asSent(h.value ?? '').split(/\r?\n/))
    .filter((line) => line.trim() !== '');
}

function frameTypeOf(type: string): FrameType {
  return type === 'main_frame' || type === 'sub_frame' ? type : 'other';
}

/** The extraInfoSpec this browser accepts: Chrome hides Set-Cookie unless `extraHeaders` is asked for. */
function extraInfoSpec(): WebRequest.OnHeadersReceivedOptions[] {
  const options = (browser.webRequest as { OnHeadersReceivedOptions?: Record<string, string> })
    .OnHeadersReceivedOptions;
  return options && Object.values(options).includes('extraHeaders')
    ? ['responseHeaders', 'extraHeaders']
    : ['responseHeaders'];
}

/** Starts recording; `onLogChanged` is called with the tab whose log changed. */
export function startSetCookieLog(onLogChanged: (tabId: number) => void): SetCookieRecorder {
  const stored = sessionValue<unknown>('setCookieLog');
  const recorder = new SetCookieRecorder({
    clock: {
      now: () => Date.now(),
      setTimeout: (run, ms) => setTimeout(run, ms),
      clearTimeout: (h) => clearTimeout(h as number),
    },
    browser: browserName,
    loadRecording: async () => (await recordingSetting.get()) !== false,
    load: () => stored.get(),
    save: (state) => stored.set(state),
    readJar: getAllUnder,
    storeOfTab: async (tabId) => {
      try {
        return await storeIdForTab(await browser.tabs.get(tabId));
      } catch {
        return defaultStoreId; // A tab being prerendered or already closed.
      }
    },
    urlOfTab: async (tabId) => {
      try {
        return (await browser.tabs.get(tabId)).url ?? '';
      } catch {
        return '';
      }
    },
    openTabs: async () =>
      (await browser.tabs.query({}))
        .filter((t) => t.id !== undefined && t.url)
        .map((t) => ({
          tabId: t.id as number,
          url: t.url ?? '',
          ...(t.cookieStoreId ? { storeId: t.cookieStoreId } : {}),
        })),
    notify: onLogChanged,
    warn: (error) => console.warn('Cookie Lens: Set-Cookie log', error),
    isPrivateStore,
    thirdPartyCookiesBlocked,
  });
  if (browserName === 'chrome') watchThirdPartySetting();


  const onHeadersReceived = (details: WebRequest.OnHeadersReceivedDetailsType): void => {
    if (details.tabId < 0) return;
    const storeId = (details as { cookieStoreId?: string }).cookieStoreId;
    recorder.responseReceived({
      tabId: details.tabId,
      url: details.url,
      requestId: details.requestId,
      frameType: frameTypeOf(details.type),
      status: details.statusCode,
      headers: setCookieHeaders(details.responseHeaders),
      ...(storeId ? { storeId } : {}),
    });
  };
  const filter: WebRequest.RequestFilter = { urls: ['<all_urls>'] };
  try {
    browser.webRequest.onHeadersReceived.addListener(onHeadersReceived, filter, extraInfoSpec());
  } catch {
    // A browser that rejects an extraInfoSpec value it does not know (Firefox and extraHeaders).
    browser.webRequest.onHeadersReceived.addListener(onHeadersReceived, filter, ['responseHeaders']);
  }
  onCookieChanged((change) => recorder.cookieChanged(change));
  browser.tabs.onRemoved.addListener((tabId) => recorder.tabRemoved(tabId));
  return recorder;
}
