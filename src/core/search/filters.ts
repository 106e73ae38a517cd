/**
 * The manager's filters: typed choices (checkboxes and menus), kept apart from the search text.
 * Every filter set must hold for a cookie to pass; a filter left out does not narrow.
 */
import type { SameSite } from '../../model/same-site';
import type { Severity } from '../../model/severity';

export interface SearchFilters {
  /** The cookie has at least one finding of one of these severities. */
  severity?: readonly Severity[];
  /** true: has Secure; false: has not. */
  secure?: boolean;
  httpOnly?: boolean;
  hostOnly?: boolean;
  /** The cookie's SameSite is one of these. */
  sameSite?: readonly SameSite[];
  /** `session`: ends with the browser session; `persistent`: has an expiry. */
  lifetime?: 'session' | 'persistent';
  /** true: partitioned (CHIPS) cookies only; false: unpartitioned only. */
  partitioned?: boolean;
  /** A persistent cookie that expires within a day or a week of `now`. */
  expiringWithin?: 'day' | 'week';
  /** Name plus value longer than this many bytes (UTF-8), as browsers count against their 4096-byte limit. */
  overBytes?: number;
}

export const NO_FILTERS: SearchFilters = {};

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** UTF-8 length of a string without encoding it (no allocation): what cookieSize() counts. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3; // the BMP, and a lone surrogate (encoded as U+FFFD, 3 bytes)
  }
  return bytes;
}

/** Whether any filter is set (a page can show "filters on"). */
export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
}
