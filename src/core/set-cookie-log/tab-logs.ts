/** The log of every tab: capped per tab and in total, cleared on navigation unless preserved. */
import type { SetCookieEntry } from '../../model/set-cookie-entry';
import type { NextId } from './entries';

/** Entries kept per tab; the oldest go first. */
export const LOG_CAP = 500;
/**
 * Entries kept over all tabs together. The log lives in session storage (10 MB in Chrome, shared
 * with the undo journal) and is rewritten after each change: a bound on the total keeps both small.
 */
export const TOTAL_CAP = 2_000;

/** The size of a value as JSON in UTF-8: what storage counts. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

export interface TabLog {
  entries: SetCookieEntry[];
  preserve: boolean;
  /** The main_frame request of the page shown, to tell a new navigation from a redirect hop. */
  navigationId?: string;
  /** URLs of the sub_frame documents loaded since the page's navigation. */
  frames: string[];
  /** The tab's cookie store, once known (a private one is never saved). */
  storeId?: string;
}

export interface LogState {
  nextId: number;
  tabs: Record<string, TabLog>;
  /** Entries dropped to keep the log within its byte budget. */
  dropped?: number;
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
    let total = Object.values(this.state.tabs).reduce((n, l) => n + l.entries.length, 0);
    while (total > this.totalCap && this.dropOldest()) total--;
  }

  /** Drops the oldest entry of any tab (ids grow with time); returns it. */
  private dropOldest(): SetCookieEntry | undefined {
    let oldest: TabLog | undefined;
    for (const l of Object.values(this.state.tabs)) {
      const first = l.entries[0];
      if (first && (!oldest || first.id < (oldest.entries[0]?.id ?? Number.POSITIVE_INFINITY))) oldest = l;
    }
    return oldest?.entries.shift();
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

  /** Notes the tab's cookie store. */
  setStore(tabId: number, storeId: string): void {
    this.tab(tabId).storeId = storeId;
  }

  /** Drops the logs of every tab in the stores `drop` names (a private session that ended). */
  forgetStores(drop: (storeId: string) => boolean): number[] {
    const gone = Object.entries(this.state.tabs).filter(([, log]) => log.storeId !== undefined && drop(log.storeId));
    for (const [key] of gone) delete this.state.tabs[key];
    return gone.map(([key]) => Number(key));
  }

  /**
   * Drops the oldest entries (of any tab) until the log's JSON fits in `maxBytes`; returns how many.
   * The count is kept, so the log can say that older entries were dropped.
   */
  trimToBytes(maxBytes: number): number {
    let bytes = jsonBytes(this.state);
    let dropped = 0;
    while (bytes > maxBytes) {
      const entry = this.dropOldest();
      if (!entry) break;
      bytes -= jsonBytes(entry) + 1;
      dropped++;
    }
    this.state.dropped = (this.state.dropped ?? 0) + dropped;
    return dropped;
  }

  /** Entries dropped so far to keep within the byte budget. */
  droppedForSpace(): number {
    return this.state.dropped ?? 0;
  }

  /**
   * What may be kept in session storage: the tabs whose store is known and not one `skip` names
   * (private windows stay in memory; so does a tab whose store is not known yet).
   */
  forStorage(skip: (storeId: string) => boolean): LogState {
    const tabs = Object.fromEntries(
      Object.entries(this.state.tabs).filter(([, log]) => log.storeId !== undefined && !skip(log.storeId)),
    );
    return { ...this.state, tabs };
  }


  /** Plain data, to keep in session storage while the worker sleeps. */
  snapshot(): LogState {
    return this.state;
  }
}
