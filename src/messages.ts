/**
 * The one message protocol between the pages (popup, DevTools panel) and the background worker.
 * Each message name maps to its request and response type; the sender (`src/ui/connect/extension.ts`)
 * and the handlers (`src/background/handlers.ts`) are both typed from this map, so a mismatch is a
 * compile error rather than a silently lost payload.
 */
import type { SiteSummary } from './core/audit';
import type { Finding } from './core/types';
import type { Cookie } from './model/cookie';
import type { Severity } from './model/severity';
import type { SetCookieEntry } from './model/set-cookie-entry';
import type { Msg } from './i18n/msg';

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
  /** cookieKey() of each cookie shown that a protection rule covers (a lock shows them). */
  protectedKeys?: string[];
}

/**
 * Where a change or an Undo acts: a tab (its store, its page's sites), or a whole cookie store
 * (the manager page: every site of the store).
 */
export type Scope = { tabId: number } | { storeId: string };

/** A cookie store the manager can show. */
export interface StoreInfo {
  id: string;
  /** `default`: normal windows; `private`: incognito/private windows; `container`: a Firefox container. */
  kind: 'default' | 'private' | 'container';
  /** In words: "Normal", "Private", or the container's own name. */
  name: string;
  /** A container's colour, as a CSS colour, for its swatch. */
  color?: string;
}

/**
 * A protected cookie, or a name pattern for a site: `name` is a cookie name, where `*` matches any
 * run of characters. `site` is a registrable domain (or host for IPs and localhost). Never a value.
 */
export interface ProtectRule {
  site: string;
  name: string;
}

/** One site of a store, as the manager lists it. Partitioned cookies are grouped under their top-level site. */
export interface StoreSiteGroup {
  site: string;
  cookies: Cookie[];
  findings: Finding[];
  summary: SiteSummary;
  /** Bytes of its cookies' names and values. */
  bytes: number;
  /**
   * The own sites of partitioned cookies listed here that another site set (a rule names the site that
   * sets a cookie, so a rule of `site` does not cover them). Absent: none.
   */
  otherSites?: string[];
}

/** Every cookie of one store, by site (the manager page). */
export interface StoreCookies {
  store: StoreInfo;
  sites: StoreSiteGroup[];
  /** cookieKey() of every protected cookie in the store. */
  protectedKeys: string[];
}

/** What restoring a backup would do, before anything is written. */
export interface RestorePreview {
  /** Why the backup cannot be restored (malformed, truncated, a bad row), worded by the page: with any, Restore writes nothing. */
  errors: Msg[];
  added: Cookie[];
  replaced: Array<{ before: Cookie; after: Cookie }>;
  unchanged: number;
  /** Cookies the restore will not write, with the reason: only what is certain (expired since the backup). */
  refused: CookieProblem[];
  /**
   * Cookies it writes (they are among `added` and `replaced`) that the browser may refuse, with the
   * likely reason: a warning, as the cookies API takes some cookies a Set-Cookie header could not.
   */
  mayRefuse: CookieProblem[];
  /** Sites (or the store) the restore would take past the browser's limit. */
  risks: EvictionRisk[];
  /** Protected cookies the restore would replace or remove: it leaves them as they are. */
  protectedKept: Cookie[];
  /** The protection rules the backup carries (added to the current ones). */
  rules: ProtectRule[];
}

export interface JournalEntry {
  id: number;
  /** Milliseconds since the epoch. */
  at: number;
  /** What the user did, in words: "Deleted sid", "Edited theme"... */
  label: string;
  /**
   * For what an Undo left (`stuck`, `conflict`): the label of the change itself, without the words
   * saying what is left ("(the rest)"), so a later Undo's label says it once, in any language.
   */
  base?: string;
  before: Cookie[];
  after: Cookie[];
  /** The cookie store the change was made in: Undo acts only in the same store. */
  storeId: string;
  /** The sites (registrable domains) of the cookies it touched: a page's Undo shows its own sites' changes. */
  sites: string[];
  /** What an earlier Undo could not do (the browser refused): Undo passes over it while newer work waits. */
  stuck?: boolean;
  /** Parts the site changed since: Undo leaves them until the user restores them anyway or keeps them. */
  conflict?: boolean;
  /**
   * Written before a change acts (`before` then holds every cookie it may touch), replaced by the
   * change itself once done. One still pending when the worker starts was interrupted: it is finished
   * or rolled back then, so no cookie is lost.
   */
  pending?: boolean;
  /** With `pending`: the cookies the change means to write. */
  planned?: Cookie[];
  /** With `pending`, for an Undo: the entry being undone, put back if the Undo was interrupted. */
  resume?: JournalEntry;
}

/** Something Undo or Save left alone because the site changed the cookie since, in words. */
export interface CookieConflict {
  name: string;
  domain: string;
  path: string;
  message: string;
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

/**
 * Findings as `tab/view` sends them: each distinct wording once, and per finding the index of its
 * cookie in the group's `cookies`, the rule, the severity and the index of its wording. A page's
 * findings repeat a few dozen wordings hundreds of times: sent whole, they were most of the reply
 * and most of the page's memory. Packed in `src/background/packed-findings.ts`, unpacked in
 * `src/ui/connect/packed-findings.ts`.
 */
export interface PackedFindings {
  words: Array<[title: Msg, explanation: Msg, fix: Msg, reference: string]>;
  items: Array<[cookie: number, ruleId: string, severity: Severity, words: number]>;
}

/** A group of cookies (a tab's, a site's) with its findings packed. */
export type Packed<T extends { cookies: Cookie[]; findings: Finding[] }> = Omit<T, 'findings'> & {
  findings: PackedFindings;
};

/**
 * A page's first screen in one reply (the popup and the DevTools panel): its cookies with their
 * findings, what Undo would undo, and the headers that stored nothing.
 */
export interface TabView {
  cookies: Packed<TabCookies> & { sites?: Array<Packed<SiteGroup>> };
  /** The label of the entry a plain Undo acts on (see `undoTarget`); absent: nothing to undo. */
  undoNext?: string;
  /** Absent when the Set-Cookie log was still busy: the rows do not wait for it, ask `setcookie/not-stored`. */
  notStored?: NotStoredHeader[];
}

/** A Set-Cookie header that stored nothing, as the popup shows it. */
export type NotStoredHeader = Pick<
  SetCookieEntry,
  | 'id'
  | 'time'
  | 'requestUrl'
  | 'header'
  | 'headerLength'
  | 'name'
  | 'verdict'
  | 'reason'
  | 'message'
  | 'hint'
  | 'onArrival'
>;

export interface SetCookieLog {
  /** Oldest first. */
  entries: SetCookieEntry[];
  /** Whether the log survives the tab's next navigation. */
  preserve: boolean;
  /** Whether headers are being recorded at all (the user can turn recording off). */
  recording: boolean;
  /** Why the log could not be saved, if it could not: what is not saved is lost when the worker stops. */
  saveError?: string;
  /** Older entries dropped to keep the log within its storage budget. */
  dropped: number;
}

export interface CheckResult {
  /** Findings the audit rules raise on the cookie as it would be saved. */
  findings: Finding[];
  /** Set when the browser is expected to refuse the cookie, with the reason (a message the page words). */
  refusal?: Msg;
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

/** An import would take a site (or, with `site` empty, the whole store) past the browser's limit: it would evict cookies. */
export interface EvictionRisk {
  site: string;
  stored: number;
  adding: number;
  limit: number;
}

export interface ImportOutcome extends ChangeNotes {
  written: number;
  failed: CookieProblem[];
  /** Protected cookies the import would have replaced, left as they are. */
  protectedKept?: number;
}

/** A change to many cookies at once (set expiry, harden): what changed and, per cookie, what could not. */
export interface BulkOutcome extends ChangeNotes {
  changed: number;
  /** Already as asked: nothing to write. */
  unchanged: number;
  failed: CookieProblem[];
  /** Protected cookies left as they were (the request did not include them). */
  protectedKept?: number;
}

export interface RestoreOutcome extends ImportOutcome {
  unchanged: number;
}

export interface Protocol {
  /** The cookies that apply to a tab's page, in the tab's own cookie store, partitioned ones included. */
  'cookies/for-tab': { request: { tabId: number }; response: TabCookies };
  /**
   * `cookies/for-tab` (or with `bySite`, `cookies/by-site`), Undo's next label from `journal/list`
   * and `setcookie/not-stored`, in one round trip: what a popup or panel shows first.
   */
  'tab/view': { request: { tabId: number; bySite?: boolean }; response: TabView };
  /** Add (no original) or edit a cookie safely; the error is the browser's reason. */
  'cookie/save': {
    /** `overwrite`: save even if the original changed since the form was opened. */
    request: Scope & { original?: Cookie; next: Cookie; overwrite?: boolean };
    /** `conflict`: nothing was written, because the original is not what the form was opened on any more. */
    response: ({ saved: Cookie } & ChangeNotes) | { conflict: { current: Cookie | null; message: string } };
  };
  /** Audit a cookie before it is saved, and predict whether the browser will refuse it. */
  'cookie/check': { request: Scope & { cookie: Cookie }; response: CheckResult };
  /**
   * Delete exactly these cookies (undoable as one step). Protected cookies are kept (and counted)
   * unless `includeProtected`, which the pages send only after the user confirmed.
   */
  'cookies/delete': {
    request: { cookies: Cookie[]; label: string; includeProtected?: boolean };
    /** `missing`: already gone; `failed`: the browser would not remove them (the others were removed). */
    response: { removed: number; missing: number; failed: CookieProblem[]; protectedKept?: number } & ChangeNotes;
  };
  /** Give these cookies one expiry (seconds since the epoch; absent: end with the session), undoable as one step. */
  'cookies/set-expiry': {
    request: { cookies: Cookie[]; expirationDate?: number; includeProtected?: boolean };
    response: BulkOutcome;
  };
  /**
   * For development: add Secure, HttpOnly and SameSite (Lax) where the browser accepts them, undoable
   * as one step; each cookie it could not change is reported with the reason.
   */
  'cookies/harden': { request: { cookies: Cookie[]; includeProtected?: boolean }; response: BulkOutcome };
  /** The cookie stores there are: normal, private (when allowed and open), and each Firefox container. */
  'stores/list': { request: Record<string, never>; response: { stores: StoreInfo[] } };
  /** Every cookie of a store, by site, with findings. */
  'store/cookies': { request: { storeId: string }; response: StoreCookies };
  /** The protection rules, kept in storage.local. */
  'protect/list': { request: Record<string, never>; response: { rules: ProtectRule[] } };
  /** Add and remove protection rules; answers the rules now. */
  'protect/set': { request: { add?: ProtectRule[]; remove?: ProtectRule[] }; response: { rules: ProtectRule[] } };
  /** Every cookie of a store and the protection rules, as one versioned JSON file's text. */
  'backup/create': { request: { storeId: string }; response: { text: string; cookies: number } };
  /** What restoring this backup text into the store would do; writes nothing. */
  'backup/preview': { request: { storeId: string; text: string }; response: RestorePreview };
  /** Restore the backup into the store (undoable as one step); refuses, writing nothing, when the preview has errors. */
  'backup/restore': { request: { storeId: string; text: string }; response: RestoreOutcome };
  /** What writing these cookies would evict, before anything is written (for the import preview). */
  'cookies/eviction-risks': { request: { cookies: Cookie[] }; response: { risks: EvictionRisk[] } };
  /** Write imported cookies (undoable as one step). */
  'cookies/import': { request: { cookies: Cookie[] }; response: ImportOutcome };
  /**
   * The undo journal of the tab's cookie store and page (its site and its frames' sites), newest
   * first; it lives in session storage and survives the popup closing.
   */
  'journal/list': { request: Scope; response: { entries: JournalEntry[] } };
  /** Undo the newest journal entry of the tab's store and page, or the one named; `force` restores over conflicts. */
  'journal/undo': {
    request: Scope & { entryId?: number; force?: boolean };
    /**
     * `problems`: cookies that could not be brought back (expired since, or refused), in words.
     * `conflicts`: cookies left alone because the site changed them since; they stay on the journal
     * as entry `conflictEntry`, to restore anyway (`force`) or drop.
     */
    response: { undone: string | null; problems: string[]; conflicts: CookieConflict[]; conflictEntry?: number };
  };
  /** Forget a journal entry (keep the cookies as they are now). */
  'journal/drop': { request: Scope & { entryId: number }; response: { dropped: boolean } };
  /** The tab's cookies grouped by site: the top-level site, then every third-party frame of the page. */
  'cookies/by-site': { request: { tabId: number }; response: TabCookiesBySite };
  /** The Set-Cookie log of a tab: every header its page received, explained. */
  'setcookie/log': { request: { tabId: number }; response: SetCookieLog };
  /**
   * The headers of the tab's log that stored nothing (refused, or expired on arrival), newest first
   * and at most 20, without their parsed attributes: what the popup says about a missing cookie.
   */
  'setcookie/not-stored': { request: { tabId: number }; response: { entries: NotStoredHeader[] } };
  /** Empties the tab's log. */
  'setcookie/clear': { request: { tabId: number }; response: { cleared: number } };
  /** Turn recording of Set-Cookie headers on or off, for every tab (kept as a setting). */
  'setcookie/recording': { request: { recording: boolean }; response: { recording: boolean } };
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
