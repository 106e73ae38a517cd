/**
 * The Set-Cookie log as pure logic: turning a response's Set-Cookie headers into explained log
 * entries against the jar as it was when the response arrived, telling header cookies from cookies
 * set by script, and keeping a capped per-tab log. The background (../background/setcookie-log.ts)
 * feeds it browser events; everything here is testable without a browser.
 *
 * Uses the explainer (and so tldts): import it from the background and tests only. Pages import the
 * entry types from ../model/set-cookie-entry.ts.
 */
import { type Cookie, cookieKey, hostOfDomain, partitionText } from '../model/cookie';
import type { CookieRef, FrameType, LogRejectReason, SetCookieEntry } from '../model/set-cookie-entry';
import { explainSetCookie, type Explanation, parseSetCookie } from './set-cookie/index';
import { domainMatches, hostOf, registrableDomain } from './site';
import type { BrowserName } from './types';

export type { CookieRef, FrameType, SetCookieEntry } from '../model/set-cookie-entry';

/** Entries kept per tab; the oldest go first. */
export const LOG_CAP = 500;
/**
 * Entries kept over all tabs together. The log lives in session storage (10 MB in Chrome, shared
 * with the undo journal) and is rewritten after each change: a bound on the total keeps both small.
 */
export const TOTAL_CAP = 2_000;
/** How long after a header a cookie change still counts as that header's doing. */
export const HEADER_WINDOW_MS = 2_000;

// ------------------------------------------------------------------ the jar as it was

/** One `cookies.onChanged` event, numbered in arrival order. */
export interface CookieChange {
  seq: number;
  time: number;
  removed: boolean;
  /** The browser's cause: `explicit`, `overwrite`, `expired`, `expired_overwrite`, `evicted`. */
  cause: string;
  cookie: Cookie;
  /** Set once a header has been found to cause this change. */
  claimed?: boolean;
}

/**
 * The jar as it was before change number `since`: `current` is read later (the read is async, and the
 * browser may have stored the response's cookies meanwhile), so every change that arrived from `since`
 * on is rolled back. Applying them newest first leaves each touched cookie as the oldest change found it.
 */
export function jarBefore(current: readonly Cookie[], changes: readonly CookieChange[], since: number): Cookie[] {
  const jar = new Map(current.map((c) => [cookieKey(c), c]));
  const later = changes.filter((c) => c.seq >= since).sort((a, b) => b.seq - a.seq);
  for (const change of later) {
    const key = cookieKey(change.cookie);
    if (change.removed) jar.set(key, change.cookie);
    else jar.delete(key);
  }
  return [...jar.values()];
}

/** The jar after the browser applied one explained header. */
export function applyToJar(jar: readonly Cookie[], explanation: Explanation): Cookie[] {
  const { verdict, cookie, replaces } = explanation;
  if (verdict === 'rejected' || !cookie) return [...jar];
  const key = cookieKey(cookie);
  const kept = jar.filter((c) => {
    const k = cookieKey(c);
    return k !== key && k !== replaces;
  });
  return verdict === 'deleted' ? kept : [...kept, cookie];
}

// ------------------------------------------------------------------ entries

export function cookieRef(cookie: Cookie): CookieRef {
  const ref: CookieRef = { key: cookieKey(cookie), name: cookie.name, domain: cookie.domain, path: cookie.path };
  if (cookie.partitionKey) ref.partition = partitionText(cookie.partitionKey);
  return ref;
}

export interface ResponseInfo {
  tabId: number;
  requestUrl: string;
  status: number;
  frameType: FrameType;
  /** Milliseconds since the epoch, when the response arrived. */
  time: number;
  /** The page the response belongs to: the tab's top-level URL (the request itself for main_frame). */
  topLevelUrl: string;
  browser: BrowserName;
  storeId: string;
}

/** Numbers entries: one counter per log, so ids stay unique across tabs. */
export type NextId = () => number;

function entryFrom(header: string, info: ResponseInfo, explanation: Explanation, id: number): SetCookieEntry {
  const entry: SetCookieEntry = {
    id,
    tabId: info.tabId,
    time: info.time,
    source: 'header',
    requestUrl: info.requestUrl,
    status: info.status,
    frameType: info.frameType,
    header,
    name: explanation.parsed.name,
    verdict: explanation.verdict,
    message: explanation.message,
    notes: explanation.notes,
    attributes: explanation.parsed.attributes.map(({ name, value, effective }) => ({ name, value, effective })),
  };
  if (explanation.reason) entry.reason = explanation.reason;
  if (explanation.hint) entry.hint = explanation.hint;
  // A deleted header produces no cookie; what it deleted (or would have stored) is still worth naming.
  if (explanation.cookie) entry.cookie = cookieRef(explanation.cookie);
  return entry;
}

/**
 * One entry per header, in order, each explained against the jar the previous headers left: the
 * second of two `color=` headers in one response replaces the first.
 */
export function explainResponse(
  headers: readonly string[],
  info: ResponseInfo,
  jar: readonly Cookie[],
  nextId: NextId,
): SetCookieEntry[] {
  let current = [...jar];
  return headers.map((header) => {
    const explanation = explainSetCookie(header, info.requestUrl, {
      jar: current,
      now: info.time,
      topLevelSite: info.frameType === 'main_frame' ? info.requestUrl : info.topLevelUrl,
      browser: info.browser,
      storeId: info.storeId,
    });
    current = applyToJar(current, explanation);
    return entryFrom(header, info, explanation, nextId());
  });
}

/** A cookie that appeared without a header: document.cookie, or another extension. */
export function scriptEntry(
  cookie: Cookie,
  info: { tabId: number; time: number; pageUrl: string; replaced: boolean },
  id: number,
): SetCookieEntry {
  const what = cookie.name === '' ? `the nameless cookie "${cookie.value}"` : `"${cookie.name}"`;
  return {
    id,
    tabId: info.tabId,
    time: info.time,
    source: 'script',
    requestUrl: info.pageUrl,
    status: 0,
    frameType: 'other',
    header: '',
    name: cookie.name,
    verdict: info.replaced ? 'replaced' : 'stored',
    message: `${what} was ${info.replaced ? 'replaced' : 'stored'} for ${cookie.domain}, path ${cookie.path}, without any Set-Cookie header: set by script (document.cookie) or another extension.`,
    notes: [],
    attributes: [],
    cookie: cookieRef(cookie),
  };
}

/** What the browser did not store although the header was valid: it blocked the cookie itself. */
export function markBlocked(entry: SetCookieEntry, context: { thirdParty: boolean; browserLabel: string }): SetCookieEntry {
  const reason: LogRejectReason = 'blocked-by-browser';
  const who = entry.name === '' ? 'the nameless cookie' : `"${entry.name}"`;
  const { cookie: _dropped, ...rest } = entry;
  return {
    ...rest,
    verdict: 'rejected',
    reason,
    message: context.thirdParty
      ? `${context.browserLabel} did not store ${who} although the header is valid: it came from a third-party frame, and the browser blocks unpartitioned third-party cookies (its settings or tracking protection).`
      : `${context.browserLabel} did not store ${who} although the header is valid: the browser's settings or another extension blocked it.`,
    hint: context.thirdParty
      ? 'For state kept per embedding site, add Partitioned (with Secure): partitioned cookies (CHIPS) are allowed in third-party frames.'
      : 'Check the site settings for cookies and any extension that filters them.',
  };
}

// ------------------------------------------------------------------ header or script?

/** A header seen in a response, waiting for the cookie change it causes. */
export interface PendingHeader {
  entryId?: number;
  tabId: number;
  name: string;
  /** Bare domain the cookie goes to: the Domain attribute, else the request host. */
  domain: string;
  time: number;
  /** The cookie change the header caused, once seen. */
  observed?: Cookie;
}

/** What each header of a response will touch, known at once from a parse (before the async explain). */
export function pendingFor(headers: readonly string[], requestUrl: string, tabId: number, time: number): PendingHeader[] {
  const host = hostOf(requestUrl);
  return headers.map((header) => {
    const parsed = parseSetCookie(header);
    return { tabId, name: parsed.name, domain: parsed.domain ? parsed.domain : host, time };
  });
}

/** The pending header that explains this cookie change, if any (same name and domain, recent enough). */
export function matchPending(pending: readonly PendingHeader[], cookie: Cookie, now: number): PendingHeader | undefined {
  const domain = hostOfDomain(cookie.domain);
  for (let i = pending.length - 1; i >= 0; i--) {
    const p = pending[i];
    if (p && p.name === cookie.name && hostOfDomain(p.domain) === domain && now - p.time <= HEADER_WINDOW_MS) return p;
  }
  return undefined;
}

/**
 * Changes that arrived before the header that caused them (Firefox reports the stored cookie before
 * `onHeadersReceived`): each expected header claims the oldest unclaimed, recent, matching addition.
 * Returns the change number to roll the jar back from, so the header is explained against the jar
 * as it was before its own cookie landed.
 */
export function claimEarlierChanges(
  changes: readonly CookieChange[],
  expected: readonly PendingHeader[],
  now: number,
  since: number,
): number {
  let from = since;
  for (const header of expected) {
    const change = changes.find(
      (c) =>
        !c.claimed &&
        !c.removed &&
        c.cause === 'explicit' &&
        now - c.time <= HEADER_WINDOW_MS &&
        c.cookie.name === header.name &&
        hostOfDomain(c.cookie.domain) === hostOfDomain(header.domain),
    );
    if (!change) continue;
    change.claimed = true;
    header.observed = change.cookie;
    from = Math.min(from, change.seq);
  }
  return from;
}

/** A tab as the log sees it: its page and the frames in it. */
export interface TabView {
  tabId: number;
  url: string;
  frameUrls: readonly string[];
  /** The tab's cookie store (container, private or incognito store); a cookie of another store is not its. */
  storeId?: string;
}

/**
 * The tabs a script-set cookie belongs to: tabs whose page is on the cookie's site, or that embed a
 * frame on the cookie's host (a partitioned cookie only for the tab whose top-level site is its partition).
 */
export function tabsForCookie(cookie: Cookie, tabs: readonly TabView[]): number[] {
  const domain = hostOfDomain(cookie.domain);
  const site = registrableDomain(domain);
  const partitionSite = cookie.partitionKey ? registrableDomain(hostOf(cookie.partitionKey.topLevelSite)) : undefined;
  const applies = (url: string) => {
    const host = hostOf(url);
    return host !== '' && (cookie.hostOnly ? host === domain : domainMatches(host, domain));
  };
  return tabs
    .filter((tab) => {
      if (tab.storeId !== undefined && tab.storeId !== cookie.storeId) return false;
      const topHost = hostOf(tab.url);
      if (partitionSite !== undefined && registrableDomain(topHost) !== partitionSite) return false;
      if (registrableDomain(topHost) === site && partitionSite === undefined) return true;
      return applies(tab.url) || tab.frameUrls.some(applies);
    })
    .map((tab) => tab.tabId);
}

// ------------------------------------------------------------------ the per-tab log

export interface TabLog {
  entries: SetCookieEntry[];
  preserve: boolean;
  /** The main_frame request of the page shown, to tell a new navigation from a redirect hop. */
  navigationId?: string;
  /** URLs of the sub_frame documents loaded since the page's navigation. */
  frames: string[];
}

export interface LogState {
  nextId: number;
  tabs: Record<string, TabLog>;
}

/** The log of every tab: capped, cleared on navigation unless preserved, dropped with the tab. */
export class SetCookieLog {
  private state: LogState;

  constructor(
    state: LogState = { nextId: 1, tabs: {} },
    private readonly cap = LOG_CAP,
    private readonly totalCap = TOTAL_CAP,
  ) {
    this.state = state;
  }

  readonly nextId: NextId = () => this.state.nextId++;

  private tab(tabId: number): TabLog {
    const key = String(tabId);
    let log = this.state.tabs[key];
    if (!log) {
      log = { entries: [], preserve: false, frames: [] };
      this.state.tabs[key] = log;
    }
    return log;
  }

  entries(tabId: number): SetCookieEntry[] {
    return this.state.tabs[String(tabId)]?.entries ?? [];
  }

  preserve(tabId: number): boolean {
    return this.state.tabs[String(tabId)]?.preserve ?? false;
  }

  frames(tabId: number): string[] {
    return this.state.tabs[String(tabId)]?.frames ?? [];
  }

  add(tabId: number, entries: readonly SetCookieEntry[]): void {
    if (entries.length === 0) return;
    const log = this.tab(tabId);
    log.entries.push(...entries);
    if (log.entries.length > this.cap) log.entries.splice(0, log.entries.length - this.cap);
    this.trimTotal();
  }

  /** Drops the oldest entries of any tab (ids grow with time) until the total is within the bound. */
  private trimTotal(): void {
    const logs = Object.values(this.state.tabs);
    let total = logs.reduce((n, l) => n + l.entries.length, 0);
    while (total > this.totalCap) {
      let oldest: TabLog | undefined;
      for (const l of logs) {
        const first = l.entries[0];
        if (first && (!oldest || first.id < (oldest.entries[0]?.id ?? Number.POSITIVE_INFINITY))) oldest = l;
      }
      if (!oldest) break;
      oldest.entries.shift();
      total--;
    }
  }

  /** Replaces an entry (by id) in whichever tab holds it; returns the tab, if found. */
  update(id: number, change: (entry: SetCookieEntry) => SetCookieEntry): number | undefined {
    for (const log of Object.values(this.state.tabs)) {
      const at = log.entries.findIndex((e) => e.id === id);
      const found = log.entries[at];
      if (found) {
        log.entries[at] = change(found);
        return found.tabId;
      }
    }
    return undefined;
  }

  find(id: number): SetCookieEntry | undefined {
    for (const log of Object.values(this.state.tabs)) {
      const found = log.entries.find((e) => e.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * A main_frame response for the tab. A new request id is a new navigation: the frames are
   * forgotten, and the entries too unless the tab preserves its log. Redirect hops keep the id.
   * Returns whether it was a new navigation.
   */
  navigated(tabId: number, requestId: string): boolean {
    const log = this.tab(tabId);
    if (log.navigationId === requestId) return false;
    log.navigationId = requestId;
    log.frames = [];
    if (!log.preserve) log.entries = [];
    return true;
  }

  addFrame(tabId: number, url: string): void {
    const log = this.tab(tabId);
    if (!log.frames.includes(url)) log.frames.push(url);
    if (log.frames.length > 100) log.frames.shift();
  }

  clear(tabId: number): number {
    const log = this.tab(tabId);
    const n = log.entries.length;
    log.entries = [];
    return n;
  }

  setPreserve(tabId: number, preserve: boolean): void {
    this.tab(tabId).preserve = preserve;
  }

  removeTab(tabId: number): void {
    delete this.state.tabs[String(tabId)];
  }

  tabIds(): number[] {
    return Object.keys(this.state.tabs).map(Number);
  }

  /** Plain data, to keep in session storage while the worker sleeps. */
  snapshot(): LogState {
    return this.state;
  }
}
