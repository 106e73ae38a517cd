/**
 * What the background knows about the browser it runs in, in one place: which browser it is, the
 * session storage it keeps state in between worker restarts, and the one subscription to cookie
 * changes that the live refresh and the Set-Cookie log share.
 */
import browser, { type Cookies } from 'webextension-polyfill';
import type { BrowserName } from '../core/types';
import type { Cookie } from '../model/cookie';
import { fromBrowserCookie } from './browser-cookie';

/** Firefox has `runtime.getBrowserInfo`; Chrome does not. */
export const browserName: BrowserName =
  typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function' ? 'firefox' : 'chrome';

/** The browser's name as users know it. */
export const browserLabel = browserName === 'firefox' ? 'Firefox' : 'Chrome';

/** The default cookie store, for a tab whose own store cannot be read. */
export const defaultStoreId = browserName === 'firefox' ? 'firefox-default' : '0';

/** Whether a cookie store is a private window's: Chrome's incognito store, Firefox's private store. */
export function isPrivateStore(storeId: string): boolean {
  return storeId === 'firefox-private' || (browserName === 'chrome' && storeId === '1');
}

/** One stored value. */
export interface SessionValue<T> {
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
}

/** One value in `storage.session` (kept while the browser runs, across worker restarts), or in memory where that is missing. */
export function sessionValue<T>(key: string): SessionValue<T> {
  return storedValue(key, () => (browser.storage as { session?: typeof browser.storage.local } | undefined)?.session);
}

/** One setting in `storage.local` (kept across browser restarts), or in memory where that is missing. */
export function localValue<T>(key: string): SessionValue<T> {
  return storedValue(key, () => (browser.storage as { local?: typeof browser.storage.local } | undefined)?.local);
}

function storedValue<T>(key: string, area: () => typeof browser.storage.local | undefined): SessionValue<T> {
  let memory: T | undefined;
  return {
    async get() {
      const session = area();
      return session ? ((await session.get(key))[key] as T | undefined) : memory;
    },
    async set(value) {
      const session = area();
      if (session) await session.set({ [key]: value });
      else memory = value;
    },
  };
}

export interface CookieChangeInfo {
  cookie: Cookie;
  removed: boolean;
  /** `explicit`, `overwrite`, `expired`, `expired_overwrite` or `evicted`. */
  cause: string;
}

const cookieListeners: Array<(change: CookieChangeInfo) => void> = [];

function dispatch(info: Cookies.OnChangedChangeInfoType): void {
  const change = { cookie: fromBrowserCookie(info.cookie), removed: info.removed, cause: info.cause };
  for (const listener of cookieListeners) listener(change);
}

/** Calls `listener` on every cookie change until the returned function is called; one browser subscription serves every listener. */
export function onCookieChanged(listener: (change: CookieChangeInfo) => void): () => void {
  if (!browser.cookies.onChanged.hasListener(dispatch)) browser.cookies.onChanged.addListener(dispatch);
  cookieListeners.push(listener);
  return () => {
    const at = cookieListeners.indexOf(listener);
    if (at >= 0) cookieListeners.splice(at, 1);
  };
}

/**
 * Collects the cookies the browser evicts (to stay within its limits) until `stop`, which returns
 * them; it waits a moment first, as the browser reports an eviction just after the write that caused it.
 */
export function watchEvictions(): { stop(): Promise<Cookie[]> } {
  const evicted: Cookie[] = [];
  const unsubscribe = onCookieChanged((change) => {
    if (change.removed && change.cause === 'evicted') evicted.push(change.cookie);
  });
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 50));
      unsubscribe();
      return evicted;
    },
  };
}
