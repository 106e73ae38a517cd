/**
 * Feeds the Set-Cookie log (../core/set-cookie-log.ts) from the browser: every response's Set-Cookie
 * headers from `webRequest.onHeadersReceived` (which fires before the browser stores the cookies, so
 * each header is explained against the jar as it was), cookies that appear without a header from
 * `cookies.onChanged`, and the frames of each page. The log lives in session storage, so it survives
 * the worker being stopped between events.
 */
import browser, { type Cookies, type WebRequest } from 'webextension-polyfill';
import {
  type CookieChange,
  claimEarlierChanges,
  explainResponse,
  HEADER_WINDOW_MS,
  type LogState,
  markBlocked,
  type PendingHeader,
  pendingFor,
  type SetCookieEntry,
  SetCookieLog,
  scriptEntry,
  cookieRef,
  jarBefore,
  tabsForCookie,
  type FrameType,
} from '../core/set-cookie-log';
import { hostOf, registrableDomain } from '../core/site';
import { type Cookie, bareDomain } from '../model/cookie';
import { browserName } from './check';
import { fromBrowserCookie, getAllUnder, storeIdForTab } from './cookie-api';

const STORAGE_KEY = 'setCookieLog';
/** How long after a stored/replaced header the browser must have reported the cookie. */
const VERIFY_AFTER_MS = 1_500;
/** How long a cookie without a header waits for its header before it counts as set by script. */
const SCRIPT_GRACE_MS = 400;

let log = new SetCookieLog();
/** Every log change runs in this queue, after the log was restored from session storage. */
let queue: Promise<unknown> = Promise.resolve();
let seq = 0;
const changes: CookieChange[] = [];
let pending: PendingHeader[] = [];
/** Cookies Cookie Lens itself is writing (edits, imports, undo): not "set by script". */
const ownWrites: Array<{ name: string; domain: string; time: number }> = [];
const topUrls = new Map<number, string>();
const storeIds = new Map<number, string>();
let notify: (tabId: number) => void = () => {};

function enqueue(work: () => Promise<void> | void): void {
  queue = queue.then(work).catch((error: unknown) => console.warn('Cookie Lens: Set-Cookie log', error));
}

function sessionArea() {
  return (browser.storage as { session?: typeof browser.storage.local } | undefined)?.session;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function changed(tabId: number): void {
  notify(tabId);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    void sessionArea()
      ?.set({ [STORAGE_KEY]: log.snapshot() })
      .catch(() => {});
  }, 300);
}

async function restore(): Promise<void> {
  try {
    const stored = (await sessionArea()?.get(STORAGE_KEY))?.[STORAGE_KEY] as LogState | undefined;
    if (stored && typeof stored.nextId === 'number' && stored.tabs) log = new SetCookieLog(stored);
  } catch {
    // No session storage: the log starts empty, as it would after a browser restart.
  }
}

/** The Set-Cookie headers of a response. Firefox joins several into one value, one per line. */
export function setCookieHeaders(headers: WebRequest.HttpHeaders | undefined): string[] {
  return (headers ?? [])
    .filter((h) => h.name.toLowerCase() === 'set-cookie' && typeof h.value === 'string')
    .flatMap((h) => (h.value ?? '').split(/\r?\n/))
    .filter((line) => line.trim() !== '');
}

function frameTypeOf(type: string): FrameType {
  return type === 'main_frame' || type === 'sub_frame' ? type : 'other';
}

async function storeFor(tabId: number, fromEvent: string | undefined): Promise<string> {
  if (fromEvent) return fromEvent;
  const known = storeIds.get(tabId);
  if (known) return known;
  let storeId = browserName === 'firefox' ? 'firefox-default' : '0';
  try {
    storeId = await storeIdForTab(await browser.tabs.get(tabId));
  } catch {
    // A tab being prerendered or already closed: the default store.
  }
  storeIds.set(tabId, storeId);
  return storeId;
}

async function topUrlOf(tabId: number): Promise<string> {
  const known = topUrls.get(tabId);
  if (known) return known;
  try {
    return (await browser.tabs.get(tabId)).url ?? '';
  } catch {
    return '';
  }
}

function trim(now: number): void {
  while (changes.length > 2_000 || (changes[0] && now - changes[0].time > 30_000)) changes.shift();
  pending = pending.filter((p) => now - p.time <= HEADER_WINDOW_MS * 4);
  while (ownWrites[0] && now - ownWrites[0].time > HEADER_WINDOW_MS) ownWrites.shift();
}

function onHeadersReceived(details: WebRequest.OnHeadersReceivedDetailsType): void {
  if (details.tabId < 0) return;
  const { tabId, url, requestId } = details;
  const frameType = frameTypeOf(details.type);
  let since = ++seq;
  const time = Date.now();
  if (frameType === 'main_frame') {
    topUrls.set(tabId, url);
    enqueue(() => {
      if (log.navigated(tabId, requestId)) changed(tabId);
    });
  } else if (frameType === 'sub_frame') {
    enqueue(() => log.addFrame(tabId, url));
  }
  const headers = setCookieHeaders(details.responseHeaders);
  if (headers.length === 0) return;
  // Known at once, so a cookie change arriving while the jar is read is matched to its header.
  const expected = pendingFor(headers, url, tabId, time);
  since = claimEarlierChanges(changes, expected, time, since);
  pending.push(...expected);
  trim(time);
  const topAtArrival = frameType === 'main_frame' ? url : topUrls.get(tabId);
  const eventStore = (details as { cookieStoreId?: string }).cookieStoreId;
  enqueue(async () => {
    const storeId = await storeFor(tabId, eventStore);
    const host = hostOf(url);
    const current = host ? await getAllUnder(registrableDomain(host), storeId) : [];
    const entries = explainResponse(
      headers,
      {
        tabId,
        requestUrl: url,
        status: details.statusCode,
        frameType,
        time,
        topLevelUrl: topAtArrival ?? (await topUrlOf(tabId)),
        browser: browserName,
        storeId,
      },
      jarBefore(current, changes, since),
      log.nextId,
    );
    entries.forEach((entry, i) => {
      const wait = expected[i];
      if (!wait) return;
      wait.entryId = entry.id;
      if (wait.observed) entries[i] = confirm(entry, wait.observed);
    });
    log.add(tabId, entries);
    changed(tabId);
    if (entries.some((e) => e.verdict === 'stored' || e.verdict === 'replaced')) {
      setTimeout(() => enqueue(() => verify(tabId, entries, storeId)), VERIFY_AFTER_MS);
    }
  });
}

function confirm(entry: SetCookieEntry, cookie: Cookie): SetCookieEntry {
  if (entry.verdict !== 'stored' && entry.verdict !== 'replaced') return entry;
  return { ...entry, confirmed: true, cookie: cookieRef(cookie) };
}

function sameCookie(a: { name: string; domain: string }, b: { name: string; domain: string }): boolean {
  return a.name === b.name && bareDomain(a).toLowerCase() === bareDomain(b).toLowerCase();
}

/**
 * Headers the explainer said are stored, but that the browser never reported: the browser declined
 * them (third-party cookie blocking, settings). Skipped when a later entry touched the same cookie.
 */
async function verify(tabId: number, entries: readonly SetCookieEntry[], storeId: string): Promise<void> {
  const all = log.entries(tabId);
  let touched = false;
  for (const original of entries) {
    const entry = log.find(original.id);
    if (!entry || entry.confirmed || !entry.cookie || (entry.verdict !== 'stored' && entry.verdict !== 'replaced')) continue;
    const ref = entry.cookie;
    if (all.some((e) => e.id > entry.id && e.cookie && sameCookie(e.cookie, ref))) continue;
    const jar = await getAllUnder(registrableDomain(bareDomain(ref)), storeId);
    const found = jar.find((c) => sameCookie(c, ref) && c.path === ref.path);
    const top = await topUrlOf(tabId);
    const thirdParty = registrableDomain(hostOf(entry.requestUrl)) !== registrableDomain(hostOf(top));
    const label = browserName === 'firefox' ? 'Firefox' : 'Chrome';
    log.update(entry.id, (e) => (found ? confirm(e, found) : markBlocked(e, { thirdParty, browserLabel: label })));
    touched = true;
  }
  if (touched) changed(tabId);
}

function isOwnWrite(cookie: Cookie, now: number): boolean {
  return ownWrites.some((w) => sameCookie(w, cookie) && now - w.time <= HEADER_WINDOW_MS);
}

/** Cookie Lens is about to write these cookies itself: their changes are not "set by script". */
export function expectOwnWrite(cookie: Pick<Cookie, 'name' | 'domain'>): void {
  ownWrites.push({ name: cookie.name, domain: cookie.domain, time: Date.now() });
}

function claimPending(cookie: Cookie, now: number): PendingHeader | undefined {
  const fresh = pending.filter((p) => sameCookie(p, cookie) && now - p.time <= HEADER_WINDOW_MS);
  return fresh.find((p) => !p.observed) ?? fresh.at(-1);
}

function onCookieChanged(info: Cookies.OnChangedChangeInfoType): void {
  const now = Date.now();
  const cookie = fromBrowserCookie(info.cookie);
  const previous = changes.at(-1);
  const change: CookieChange = { seq: ++seq, time: now, removed: info.removed, cause: info.cause, cookie };
  changes.push(change);
  trim(now);
  if (info.removed || info.cause !== 'explicit') return;
  const header = claimPending(cookie, now);
  if (header) {
    change.claimed = true;
    header.observed = cookie;
    const id = header.entryId;
    if (id !== undefined) {
      enqueue(() => {
        const tabId = log.update(id, (e) => confirm(e, cookie));
        if (tabId !== undefined) changed(tabId);
      });
    }
    return;
  }
  if (isOwnWrite(cookie, now)) return;
  const replaced =
    previous?.removed === true && previous.cause === 'overwrite' && sameCookie(previous.cookie, cookie);
  // Firefox may report a header's cookie before the header itself: give the header time to claim it.
  setTimeout(() => {
    if (!change.claimed) enqueue(() => logScriptCookie(cookie, now, replaced));
  }, SCRIPT_GRACE_MS);
}

async function logScriptCookie(cookie: Cookie, now: number, replaced: boolean): Promise<void> {
  const tabs = await browser.tabs.query({});
  const views = await Promise.all(
    tabs
      .filter((t) => t.id !== undefined && t.url)
      .map(async (t) => ({
        tabId: t.id as number,
        url: topUrls.get(t.id as number) ?? t.url ?? '',
        frameUrls: log.frames(t.id as number),
        storeId: await storeFor(t.id as number, t.cookieStoreId),
      })),
  );
  for (const tabId of tabsForCookie(cookie, views)) {
    const pageUrl = views.find((v) => v.tabId === tabId)?.url ?? '';
    log.add(tabId, [scriptEntry(cookie, { tabId, time: now, pageUrl, replaced }, log.nextId())]);
    changed(tabId);
  }
}

/** The extraInfoSpec this browser accepts: Chrome hides Set-Cookie unless `extraHeaders` is asked for. */
function extraInfoSpec(): WebRequest.OnHeadersReceivedOptions[] {
  const options = (browser.webRequest as { OnHeadersReceivedOptions?: Record<string, string> }).OnHeadersReceivedOptions;
  return options && Object.values(options).includes('extraHeaders') ? ['responseHeaders', 'extraHeaders'] : ['responseHeaders'];
}

/** Starts listening; `onLogChanged` is called with the tab whose log changed. */
export function startSetCookieLog(onLogChanged: (tabId: number) => void): void {
  notify = onLogChanged;
  queue = restore();
  const filter: WebRequest.RequestFilter = { urls: ['<all_urls>'] };
  try {
    browser.webRequest.onHeadersReceived.addListener(onHeadersReceived, filter, extraInfoSpec());
  } catch {
    // A browser that rejects an extraInfoSpec value it does not know (Firefox and extraHeaders).
    browser.webRequest.onHeadersReceived.addListener(onHeadersReceived, filter, ['responseHeaders']);
  }
  browser.cookies.onChanged.addListener(onCookieChanged);
  browser.tabs.onRemoved.addListener((tabId) => {
    topUrls.delete(tabId);
    storeIds.delete(tabId);
    enqueue(() => {
      log.removeTab(tabId);
      changed(tabId);
    });
  });
}

/** Waits for the queued events, then reads the log: what the protocol's handlers use. */
export function withLog<T>(read: (log: SetCookieLog) => T | Promise<T>): Promise<T> {
  const run = queue.then(() => read(log));
  queue = run.catch(() => {});
  return run;
}

/** Marks a tab's log as changed (after a clear or a preserve toggle). */
export function logChanged(tabId: number): void {
  changed(tabId);
}
