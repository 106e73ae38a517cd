/**
 * The types every format shares. In a file of their own so the format modules and index.ts import
 * them from here, not from each other (index.ts imports the formats; the formats never import index.ts).
 */
import type { Msg } from '../../i18n/msg';
import type { Cookie } from '../../model/cookie';

/** Every format exportCookies writes. */
export type CookieFormat =
  | 'json'
  | 'netscape'
  | 'header'
  | 'playwright'
  | 'puppeteer'
  | 'selenium'
  | 'curl'
  | 'httpie'
  | 'fetch'
  | 'set-cookie';

/** The formats importCookies detects and reads. */
export type ImportFormat = 'json' | 'netscape' | 'header' | 'playwright' | 'puppeteer';

export interface ExportOptions {
  /** curl, httpie and fetch: the request URL. Only the cookies a browser would send to it are written. */
  url?: string;
  /** The top-level page the request is made from (partitioned cookies are sent only under their site); default `url`. */
  topLevelUrl?: string;
  /** Milliseconds since the epoch (default now): curl, httpie and fetch leave out cookies expired by then. */
  now?: number;
}

export interface ImportError {
  /** 1-based: the text line for netscape, header and unparseable JSON; the array index + 1 for a JSON entry. */
  line: number;
  /** Which of the two, as a message (`line 4`, `line 1, pair 2`, `entry 3`, `line 2, column 5` in English). */
  where: Msg;
  /** What is wrong, as a message the page words; shown as plain text (never HTML), it may quote the imported text. */
  reason: Msg;
}

export interface ImportResult {
  format: ImportFormat | 'unknown';
  cookies: Cookie[];
  errors: ImportError[];
}

export interface ImportOptions {
  /** The host the user imports into; required for a Cookie header, used by JSON entries without a domain. */
  defaultDomain?: string;
  /** Store given to cookies whose text has none (netscape, header, JSON without storeId). Default `'0'`. */
  defaultStoreId?: string;
  /** Milliseconds since the epoch (default now): cookies already expired then are reported and skipped. */
  now?: number;
}

/**
 * Most entries (cookies and bad rows together) one import reads. Browsers keep a few thousand cookies
 * in all, and the preview lists every row: a bigger text is refused with one error, not half imported.
 */
export const MAX_IMPORT_ROWS = 10_000;

/** A cookie read by a format parser, with where it came from. Internal to the formats. */
export interface Parsed {
  rows: { cookie: Cookie; line: number; where: Msg }[];
  errors: ImportError[];
  /** Where the entry past MAX_IMPORT_ROWS is: the parser stopped there. */
  overflow?: { line: number; where: Msg };
}

/**
 * True when `parsed` already holds MAX_IMPORT_ROWS entries: then the entry at `line`/`where` is
 * noted as the overflow and the parser must stop.
 */
export function isFull(parsed: Parsed, line: number, where: Msg): boolean {
  if (parsed.rows.length + parsed.errors.length < MAX_IMPORT_ROWS) return false;
  parsed.overflow = { line, where };
  return true;
}
