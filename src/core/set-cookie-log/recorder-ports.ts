/** What the Set-Cookie recorder needs from outside: a clock, storage, browser reads, and the events it is fed. */
import type { Cookie } from '../../model/cookie';
import type { FrameType } from '../../model/set-cookie-entry';
import type { BrowserName } from '../types';
import type { LogState } from './tab-logs';

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the recorder reads from the browser and where it keeps the log; errors are the caller's to absorb. */
export interface RecorderPorts {
  clock: Clock;
  browser: BrowserName;
  /** Whether the user wants headers recorded (a kept setting; on unless turned off). */
  loadRecording(): Promise<boolean>;
  /** The saved log, if any, and a way to save it (session storage in the worker). */
  load(): Promise<unknown>;
  save(state: LogState): Promise<void>;
  /** Every cookie at or below a domain, in one store. */
  readJar(domain: string, storeId: string): Promise<Cookie[]>;
  /** The cookie store of a tab (the default store when the tab is gone). */
  storeOfTab(tabId: number): Promise<string>;
  /** The URL a tab shows now ('' when the tab is gone). */
  urlOfTab(tabId: number): Promise<string>;
  /** The open tabs, to find whose page a script-set cookie belongs to. */
  openTabs(): Promise<Array<{ tabId: number; url: string; storeId?: string }>>;
  /** A tab's log changed. */
  notify(tabId: number): void;
  /** Something failed inside the queue: reported, never thrown at the browser's event. */
  warn(error: unknown): void;
  /** Whether a store is a private window's (its log is never saved, and goes when the window does). */
  isPrivateStore(storeId: string): boolean;
  /** Whether the browser blocks third-party cookies, when known (undefined: not known). */
  thirdPartyCookiesBlocked?(): boolean | undefined;
}

/** A response that came with headers, as webRequest reports it. */
export interface ResponseEvent {
  tabId: number;
  url: string;
  requestId: string;
  frameType: FrameType;
  status: number;
  /** The Set-Cookie header lines, one cookie each. */
  headers: readonly string[];
  /** The store the request belongs to, when the browser says (Firefox's cookieStoreId). */
  storeId?: string;
}

/** One `cookies.onChanged` event. */
export interface CookieEvent {
  cookie: Cookie;
  removed: boolean;
  cause: string;
}
