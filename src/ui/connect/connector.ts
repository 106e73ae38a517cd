/**
 * What the shared components need from the outside world: data plus actions. The extension
 * connector talks to the background worker; tests and demos pass an in-memory one.
 */
import type {
  BulkOutcome,
  CheckResult,
  EvictionRisk,
  ImportOutcome,
  JournalEntry,
  NotStoredHeader,
  ProtectRule,
  ResponseOf,
  RestoreOutcome,
  RestorePreview,
  SetCookieLog,
  StoreCookies,
  StoreInfo,
  TabCookies,
  TabCookiesBySite,
} from '../../messages';
import type { Cookie } from '../../model/cookie';

/** What a page shows first: its cookies, what Undo would undo, and the headers that stored nothing (absent: ask). */
export interface FirstScreen {
  cookies: TabCookies | TabCookiesBySite;
  undoNext?: string;
  notStored?: NotStoredHeader[];
}

export interface Connector {
  /** The page's cookies; with `sites`, the workbench shows one section per site of the page. */
  load(): Promise<TabCookies | TabCookiesBySite>;
  /** `load`, the next Undo's label and the not-stored headers in one round trip (absent: ask each). */
  view?(): Promise<FirstScreen>;
  /** Resolves with the stored cookie (and a warning if part of it went wrong); rejects with the reason the browser (or we) refused. */
  save(
    original: Cookie | undefined,
    next: Cookie,
    options?: { overwrite?: boolean },
  ): Promise<ResponseOf<'cookie/save'>>;
  check(cookie: Cookie): Promise<CheckResult>;
  /** Protected cookies are kept (and counted) unless `includeProtected`, sent only after the user confirmed. */
  remove(
    cookies: Cookie[],
    label: string,
    options?: { includeProtected?: boolean },
  ): Promise<ResponseOf<'cookies/delete'>>;
  importCookies(cookies: Cookie[]): Promise<ImportOutcome>;
  /** Where writing these cookies would take a site or the store past the browser's limits. */
  evictionRisks(cookies: Cookie[]): Promise<EvictionRisk[]>;
  /** The protection rules (absent: the connector cannot protect, and rows offer no Protect). */
  protectRules?(): Promise<ProtectRule[]>;
  /** Adds and removes protection rules; resolves with the rules now. */
  setProtection?(change: { add?: ProtectRule[]; remove?: ProtectRule[] }): Promise<ProtectRule[]>;
  /** The page's undo journal (its store and sites), newest first. */
  journal(): Promise<JournalEntry[]>;
  /**
   * Undoes the newest change (or the entry named; `force` restores over what the site changed since):
   * its label (null when there was nothing to undo), what could not be restored, and the conflicts.
   */
  undo(options?: { entryId?: number; force?: boolean }): Promise<ResponseOf<'journal/undo'>>;
  /** Forgets a journal entry (keeps the cookies as they are); whether it was there. */
  dropUndo(entryId: number): Promise<boolean>;
  /** Calls `listener` whenever cookies change anywhere; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** The page's Set-Cookie headers that stored nothing (absent: the connector cannot tell). */
  notStored?(): Promise<NotStoredHeader[]>;
}

/** The DevTools panel's Set-Cookie log of one tab: data plus actions, like the connector. */
export interface SetCookieLogSource {
  load(): Promise<SetCookieLog>;
  clear(): Promise<void>;
  setPreserve(preserve: boolean): Promise<void>;
  /** Turns recording of headers on or off (for every tab). */
  setRecording(recording: boolean): Promise<void>;
  /** Calls `listener` whenever the tab's log changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/**
 * The manager page's outside world: one cookie store at a time, every site of it. The same
 * safe-edit, undo and conflict guarantees as the popup's connector, scoped to the store shown.
 */
export interface StoreConnector {
  stores(): Promise<StoreInfo[]>;
  load(storeId: string): Promise<StoreCookies>;
  save(
    storeId: string,
    original: Cookie | undefined,
    next: Cookie,
    options?: { overwrite?: boolean },
  ): Promise<ResponseOf<'cookie/save'>>;
  check(storeId: string, cookie: Cookie): Promise<CheckResult>;
  /** `includeProtected` only after the user confirmed. */
  remove(
    cookies: Cookie[],
    label: string,
    options?: { includeProtected?: boolean },
  ): Promise<ResponseOf<'cookies/delete'>>;
  /** Protected cookies are kept (and counted) unless `includeProtected`. */
  setExpiry(
    cookies: Cookie[],
    expirationDate: number | undefined,
    options?: { includeProtected?: boolean },
  ): Promise<BulkOutcome>;
  /** Protected cookies are kept (and counted) unless `includeProtected`. */
  harden(cookies: Cookie[], options?: { includeProtected?: boolean }): Promise<BulkOutcome>;
  importCookies(cookies: Cookie[]): Promise<ImportOutcome>;
  evictionRisks(cookies: Cookie[]): Promise<EvictionRisk[]>;
  journal(storeId: string): Promise<JournalEntry[]>;
  undo(storeId: string, options?: { entryId?: number; force?: boolean }): Promise<ResponseOf<'journal/undo'>>;
  dropUndo(storeId: string, entryId: number): Promise<boolean>;
  protectRules(): Promise<ProtectRule[]>;
  setProtection(change: { add?: ProtectRule[]; remove?: ProtectRule[] }): Promise<ProtectRule[]>;
  backup(storeId: string): Promise<{ text: string; cookies: number }>;
  previewRestore(storeId: string, text: string): Promise<RestorePreview>;
  restore(storeId: string, text: string): Promise<RestoreOutcome>;
  /** Calls `listener` whenever cookies (or protection rules) change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}
