/**
 * The one message protocol between the pages (popup, DevTools panel) and the background worker.
 * Each message name maps to its request and response type; the sender (`src/ui/connect/extension.ts`)
 * and the handlers (`src/background/handlers.ts`) are both typed from this map, so a mismatch is a
 * compile error rather than a silently lost payload.
 */
import type { SiteSummary } from './core/audit';
import type { Finding } from './core/types';
import type { Cookie } from './model/cookie';
import type { SetCookieEntry } from './model/set-cookie-entry';

export interface TabInfo {
  tabId: number;
  url: string;
  storeId: string;
  incognito: boolean;
}

export interface TabCookies {
  tab: TabInfo;
  cookies: Cookie[];
  /** Audit findings, computed in the background so the rule engine stays out of the pages. */
  findings: Finding[];
  summary: SiteSummary;
}

export interface JournalEntry {
  id: number;
  /** Milliseconds since the epoch. */
  at: number;
  /** What the user did, in words: "Deleted sid", "Edited theme"... */
  label: string;
  before: Cookie[];
  after: Cookie[];
}

/** The cookies one site of the page sees: the top-level site, or a third-party frame's site. */
export interface SiteGroup {
  /** Registrable domain (or host, for IP addresses and localhost). */
  site: string;
  label: 'top-level' | 'third-party frame';
  /** The documents of that site in the page (the page itself, or the frames). */
  urls: string[];
  cookies: Cookie[];
  findings: Finding[];
  summary: SiteSummary;
}

/** The top-level site's cookies (as `cookies/for-tab`) plus one group per site of the page. */
export interface TabCookiesBySite extends TabCookies {
  sites: SiteGroup[];
}

export interface SetCookieLog {
  /** Oldest first. */
  entries: SetCookieEntry[];
  /** Whether the log survives the tab's next navigation. */
  preserve: boolean;
}

export interface CheckResult {
  /** Findings the audit rules raise on the cookie as it would be saved. */
  findings: Finding[];
  /** Set when the browser is expected to refuse the cookie, with the reason. */
  refusal?: string;
}

/** A cookie an operation could not handle, and why (plain text). */
export interface CookieProblem {
  name: string;
  domain: string;
  path: string;
  reason: string;
}

/** What a change did beyond its main result: shown to the user, never silently dropped. */
export interface ChangeNotes {
  /** Something went partly wrong but the change stands (e.g. the undo journal could not be written). */
  warning?: string;
}

export interface ImportOutcome extends ChangeNotes {
  written: number;
  failed: CookieProblem[];
}

export interface Protocol {
  /** The cookies that apply to a tab's page, in the tab's own cookie store, partitioned ones included. */
  'cookies/for-tab': { request: { tabId: number }; response: TabCookies };
  /** Add (no original) or edit a cookie safely; the error is the browser's reason. */
  'cookie/save': {
    request: { tabId: number; original?: Cookie; next: Cookie };
    response: { saved: Cookie } & ChangeNotes;
  };
  /** Audit a cookie before it is saved, and predict whether the browser will refuse it. */
  'cookie/check': { request: { tabId: number; cookie: Cookie }; response: CheckResult };
  /** Delete exactly these cookies (undoable). */
  'cookies/delete': {
    request: { cookies: Cookie[]; label: string };
    /** `missing`: already gone; `failed`: the browser would not remove them (the others were removed). */
    response: { removed: number; missing: number; failed: CookieProblem[] } & ChangeNotes;
  };
  /** Write imported cookies (undoable as one step). */
  'cookies/import': { request: { cookies: Cookie[] }; response: ImportOutcome };
  /** The undo journal, newest first; it lives in session storage and survives the popup closing. */
  'journal/list': { request: Record<string, never>; response: { entries: JournalEntry[] } };
  /** Undo the newest journal entry. */
  'journal/undo': {
    request: Record<string, never>;
    /** `problems`: cookies that could not be brought back (expired since, or refused), in words. */
    response: { undone: string | null; problems: string[] };
  };
  /** The tab's cookies grouped by site: the top-level site, then every third-party frame of the page. */
  'cookies/by-site': { request: { tabId: number }; response: TabCookiesBySite };
  /** The Set-Cookie log of a tab: every header its page received, explained. */
  'setcookie/log': { request: { tabId: number }; response: SetCookieLog };
  /** Empties the tab's log. */
  'setcookie/clear': { request: { tabId: number }; response: { cleared: number } };
  /** Keep (or stop keeping) the tab's log across navigations. */
  'setcookie/preserve': { request: { tabId: number; preserve: boolean }; response: { preserve: boolean } };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['request'];
export type ResponseOf<N extends MessageName> = Protocol[N]['response'];

export interface Envelope<N extends MessageName = MessageName> {
  type: N;
  payload: RequestOf<N>;
}

/**
 * What travels back. Errors are data, not rejections, so the browser's own reason (for example why
 * it refused a cookie) reaches the user word for word.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Broadcast from the background when cookies change, so open pages refresh live. */
export interface CookiesChangedEvent {
  event: 'cookies-changed';
}

/** Broadcast from the background when a tab's Set-Cookie log changed (grew, cleared, or was reset by a navigation). */
export interface SetCookieLoggedEvent {
  event: 'setcookie-logged';
  tabId: number;
}

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    'payload' in message
  );
}
