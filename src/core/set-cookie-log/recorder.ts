/**
 * The Set-Cookie recorder: everything the log does between browser events, as one object with its
 * clock, storage and browser reads injected, so it runs the same in the worker and in unit tests.
 * - A response's Set-Cookie headers are explained against the jar as it was when they arrived.
 * - A cookie change is matched to the header that caused it; one without a header is "set by script"
 *   unless Cookie Lens wrote it itself.
 * - A header said to be stored that the browser never reported is marked blocked after a while.
 * The background (../../background/set-cookie-log.ts) only turns browser events into calls here.
 */
import { type Cookie, hostOfDomain } from '../../model/cookie';
import type { SetCookieEntry } from '../../model/set-cookie-entry';
import { hostOf, registrableDomain } from '../site';
import { cookieRef, explainResponse, markBlocked, scriptEntry } from './entries';
import { type CookieChange, jarBefore } from './replay-jar';
import {
  claimEarlierChanges,
  HEADER_WINDOW_MS,
  matchPending,
  type PendingHeader,
  pendingFor,
  tabsForCookie,
} from './tab-attribution';
import type { CookieEvent, RecorderPorts, ResponseEvent } from './recorder-ports';
import { type LogState, SetCookieLog } from './tab-logs';

/** How long after a stored/replaced header the browser must have reported the cookie. */
export const VERIFY_AFTER_MS = 1_500;
/** How long a cookie without a header waits for its header before it counts as set by script. */
export const SCRIPT_GRACE_MS = 400;
/** How long after a change the log is saved (changes in a burst are saved once). */
export const SAVE_AFTER_MS = 300;
/** Bytes (of JSON) the log may take in session storage, which it shares with the undo journal (10 MB in all). */
export const LOG_BYTES = 4 * 1024 * 1024;
/** Cookie changes remembered to roll the jar back: at most this many, for at most this long. */
const CHANGES_KEPT = 2_000;
const CHANGES_KEPT_MS = 30_000;

const sameCookie = (a: { name: string; domain: string }, b: { name: string; domain: string }) =>
  a.name === b.name && hostOfDomain(a.domain) === hostOfDomain(b.domain);

export class SetCookieRecorder {
  private log = new SetCookieLog();
  /** Every change runs in this queue, after the log was restored from storage. */
  private queue: Promise<unknown>;
  private seq = 0;
  private readonly changes: CookieChange[] = [];
  private pending: PendingHeader[] = [];
  /** Cookies Cookie Lens itself is writing (edits, imports, undo): not "set by script". */
  private readonly ownWrites: Array<{ name: string; domain: string; time: number }> = [];
  private readonly topUrls = new Map<number, string>();
  private readonly storeIds = new Map<number, string>();
  private saveTimer: unknown;
  /** Unknown until the setting is read (at start, with the saved log); events wait in the queue till then. */
  private recording: boolean | undefined;
  private saveError: string | undefined;

  constructor(private readonly ports: RecorderPorts) {
    this.queue = this.restore();
  }

  private get now(): number {
    return this.ports.clock.now();
  }

  private enqueue(work: () => Promise<void> | void): void {
    this.queue = this.queue.then(work).catch((error: unknown) => this.ports.warn(error));
  }

  private async restore(): Promise<void> {
    this.recording = await this.ports.loadRecording().then(
      (on) => on,
      () => true,
    );
    try {
      const stored = (await this.ports.load()) as LogState | undefined;
      if (stored && typeof stored.nextId === 'number' && stored.tabs) this.log = new SetCookieLog(stored);
    } catch {
      // Nothing saved can be read: the log starts empty, as it would after a browser restart.
    }
  }

  /** A tab's log changed: tell the pages, and save soon. */
  changed(tabId: number): void {
    this.ports.notify(tabId);
    const { clock } = this.ports;
    clock.clearTimeout(this.saveTimer);
    this.saveTimer = clock.setTimeout(() => {
      this.log.trimToBytes(LOG_BYTES);
      this.ports.save(this.log.forStorage((id) => this.ports.isPrivateStore(id))).then(
        () => {
          this.saveError = undefined;
        },
        (error: unknown) => {
          // Said in the log view: what is not saved is lost when the worker stops.
          this.saveError = error instanceof Error ? error.message : String(error);
        },
      );
    }, SAVE_AFTER_MS);
  }

  /** Whether headers are recorded, why the last save failed, and how many old entries were dropped for space. */
  status(): { recording: boolean; saveError?: string; dropped: number } {
    const status = { recording: this.recording !== false, dropped: this.log.droppedForSpace() };
    return this.saveError ? { ...status, saveError: this.saveError } : status;
  }

  /** Turns recording on or off (off: no header, script cookie or frame is noted). */
  setRecording(on: boolean): void {
    this.recording = on;
  }

  /** A private session ended: its tabs' logs go (they were never saved). */
  forgetPrivate(): void {
    this.enqueue(() => {
      for (const tabId of this.log.forgetStores((id) => this.ports.isPrivateStore(id))) this.changed(tabId);
    });
  }

  /** Waits for the queued events, then reads the log: what the message handlers use. */
  withLog<T>(read: (log: SetCookieLog) => T | Promise<T>): Promise<T> {
    const run = this.queue.then(() => read(this.log));
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * The frames of a tab's page as known now, without waiting for queued events: for callers that
   * need an answer at once (Undo's reach) more than the last few milliseconds of events.
   */
  framesNow(tabId: number): string[] {
    return this.log.frames(tabId);
  }

  /** Cookie Lens is about to write this cookie itself: its change is not "set by script". */
  expectOwnWrite(cookie: Pick<Cookie, 'name' | 'domain'>): void {
    this.ownWrites.push({ name: cookie.name, domain: cookie.domain, time: this.now });
  }

  private trim(now: number): void {
    const { changes } = this;
    while (changes.length > CHANGES_KEPT || (changes[0] && now - changes[0].time > CHANGES_KEPT_MS)) changes.shift();
    this.pending = this.pending.filter((p) => now - p.time <= HEADER_WINDOW_MS * 4);
    while (this.ownWrites[0] && now - this.ownWrites[0].time > HEADER_WINDOW_MS) this.ownWrites.shift();
  }

  private async storeFor(tabId: number, fromEvent: string | undefined): Promise<string> {
    if (fromEvent) return fromEvent;
    const known = this.storeIds.get(tabId);
    if (known) return known;
    const storeId = await this.ports.storeOfTab(tabId);
    this.storeIds.set(tabId, storeId);
    return storeId;
  }

  private async topUrlOf(tabId: number): Promise<string> {
    return this.topUrls.get(tabId) ?? (await this.ports.urlOfTab(tabId));
  }

  /** A response arrived (before the browser stored its cookies): a navigation, a frame, headers. */
  responseReceived(event: ResponseEvent): void {
    if (this.recording === false) return;
    const { tabId, url, frameType } = event;
    let since = ++this.seq;
    const time = this.now;
    if (frameType === 'main_frame' || frameType === 'sub_frame') {
      if (frameType === 'main_frame') this.topUrls.set(tabId, url);
      this.enqueue(async () => {
        if (!this.recording) return;
        // The tab's store is known before anything of it is kept: a private tab's log is never saved.
        this.log.setStore(tabId, await this.storeFor(tabId, event.storeId));
        if (frameType === 'sub_frame') this.log.addFrame(tabId, url);
        else if (this.log.navigated(tabId, event.requestId)) this.changed(tabId);
      });
    }
    if (event.headers.length === 0) return;
    // Known at once, so a cookie change arriving while the jar is read is matched to its header.
    const expected = pendingFor(event.headers, url, tabId, time);
    since = claimEarlierChanges(this.changes, expected, time, since);
    this.pending.push(...expected);
    this.trim(time);
    const topAtArrival = frameType === 'main_frame' ? url : this.topUrls.get(tabId);
    this.enqueue(async () => {
      if (!this.recording) return;
      const storeId = await this.storeFor(tabId, event.storeId);
      this.log.setStore(tabId, storeId);
      const host = hostOf(url);
      const current = host ? await this.ports.readJar(registrableDomain(host), storeId) : [];
      const thirdPartyCookiesBlocked = this.ports.thirdPartyCookiesBlocked?.();
      const info = {
        ...(thirdPartyCookiesBlocked === undefined ? {} : { thirdPartyCookiesBlocked }),
        tabId,
        requestUrl: url,
        status: event.status,
        frameType,
        time,
        topLevelUrl: topAtArrival ?? (await this.topUrlOf(tabId)),
        browser: this.ports.browser,
        storeId,
      };
      const entries = explainResponse(event.headers, info, jarBefore(current, this.changes, since), this.log.nextId);
      entries.forEach((entry, i) => {
        const wait = expected[i];
        if (!wait) return;
        wait.entryId = entry.id;
        if (wait.observed) entries[i] = confirm(entry, wait.observed);
      });
      this.log.add(tabId, entries);
      this.changed(tabId);
      if (entries.some(isStored)) {
        this.ports.clock.setTimeout(() => this.enqueue(() => this.verify(tabId, entries, storeId)), VERIFY_AFTER_MS);
      }
    });
  }

  /**
   * Headers the explainer said are stored, but that the browser never reported: the browser declined
   * them (third-party cookie blocking, settings). Skipped when a later entry touched the same cookie.
   */
  private async verify(tabId: number, entries: readonly SetCookieEntry[], storeId: string): Promise<void> {
    const all = this.log.entries(tabId);
    let touched = false;
    for (const original of entries) {
      const entry = this.log.find(original.id);
      if (!entry || entry.confirmed || !entry.cookie || !isStored(entry)) continue;
      const ref = entry.cookie;
      if (all.some((e) => e.id > entry.id && e.cookie && sameCookie(e.cookie, ref))) continue;
      const jar = await this.ports.readJar(registrableDomain(hostOfDomain(ref.domain)), storeId);
      const found = jar.find((c) => sameCookie(c, ref) && c.path === ref.path);
      const top = await this.topUrlOf(tabId);
      const thirdParty = registrableDomain(hostOf(entry.requestUrl)) !== registrableDomain(hostOf(top));
      const browserLabel = this.ports.browser === 'firefox' ? 'Firefox' : 'Chrome';
      this.log.update(entry.id, (e) => (found ? confirm(e, found) : markBlocked(e, { thirdParty, browserLabel })));
      touched = true;
    }
    if (touched) this.changed(tabId);
  }

  /** A cookie was added, changed or removed. */
  cookieChanged(event: CookieEvent): void {
    if (this.recording === false) return;
    const now = this.now;
    const { cookie } = event;
    const previous = this.changes.at(-1);
    const change: CookieChange = { seq: ++this.seq, time: now, removed: event.removed, cause: event.cause, cookie };
    this.changes.push(change);
    this.trim(now);
    if (event.removed || event.cause !== 'explicit') return;
    const header = matchPending(this.pending, cookie, now);
    if (header) {
      change.claimed = true;
      header.observed = cookie;
      const id = header.entryId;
      if (id !== undefined) {
        this.enqueue(() => {
          const tabId = this.log.update(id, (e) => confirm(e, cookie));
          if (tabId !== undefined) this.changed(tabId);
        });
      }
      return;
    }
    if (this.ownWrites.some((w) => sameCookie(w, cookie) && now - w.time <= HEADER_WINDOW_MS)) return;
    const replaced =
      previous?.removed === true && previous.cause === 'overwrite' && sameCookie(previous.cookie, cookie);
    // Firefox may report a header's cookie before the header itself: give the header time to claim it.
    this.ports.clock.setTimeout(() => {
      if (!change.claimed) this.enqueue(() => this.logScriptCookie(cookie, now, replaced));
    }, SCRIPT_GRACE_MS);
  }

  private async logScriptCookie(cookie: Cookie, now: number, replaced: boolean): Promise<void> {
    if (!this.recording) return;
    const tabs = await this.ports.openTabs();
    const views = await Promise.all(
      tabs.map(async (t) => ({
        tabId: t.tabId,
        url: this.topUrls.get(t.tabId) ?? t.url,
        frameUrls: this.log.frames(t.tabId),
        storeId: await this.storeFor(t.tabId, t.storeId),
      })),
    );
    for (const tabId of tabsForCookie(cookie, views)) {
      const view = views.find((v) => v.tabId === tabId);
      const pageUrl = view?.url ?? '';
      if (view) this.log.setStore(tabId, view.storeId);
      this.log.add(tabId, [scriptEntry(cookie, { tabId, time: now, pageUrl, replaced }, this.log.nextId())]);
      this.changed(tabId);
    }
  }

  /** A tab closed: its log goes with it. */
  tabRemoved(tabId: number): void {
    this.topUrls.delete(tabId);
    this.storeIds.delete(tabId);
    this.enqueue(() => {
      this.log.removeTab(tabId);
      this.changed(tabId);
    });
  }
}

function isStored(entry: SetCookieEntry): boolean {
  return entry.verdict === 'stored' || entry.verdict === 'replaced';
}

function confirm(entry: SetCookieEntry, cookie: Cookie): SetCookieEntry {
  if (!isStored(entry)) return entry;
  return { ...entry, confirmed: true, cookie: cookieRef(cookie) };
}
