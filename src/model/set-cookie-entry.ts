/**
 * One line of the DevTools panel's Set-Cookie log: a header the page received (or a cookie that
 * appeared without one) and what the browser did with it. Types only, so pages can import it freely.
 */
import type { Msg } from '../i18n/msg';
import type { HeaderNote, RejectReason, Verdict } from './verdict';

/** What kind of request the response answered. */
export type FrameType = 'main_frame' | 'sub_frame' | 'other';

/**
 * The explainer's reasons, plus one the explainer cannot predict: the browser itself declined a
 * valid header (third-party cookie blocking, site settings, another extension).
 */
export type LogRejectReason = RejectReason | 'blocked-by-browser';

/** Enough of a cookie's identity to find its row again. */
export interface CookieRef {
  /** cookieKey() of the cookie. */
  key: string;
  name: string;
  domain: string;
  path: string;
  /** partitionText() of its partition key, when partitioned. */
  partition?: string;
}

export interface LoggedAttribute {
  name: string;
  value: string;
  /** False when a later duplicate wins or the browser ignores the value. */
  effective: boolean;
}

export interface SetCookieEntry {
  /** Unique within the background's log. */
  id: number;
  tabId: number;
  /** Milliseconds since the epoch, when the response (or the cookie change) arrived. */
  time: number;
  /** `header`: from a Set-Cookie header; `script`: appeared without one (document.cookie, an extension). */
  source: 'header' | 'script';
  /** The response's URL; for `script`, the page's URL. */
  requestUrl: string;
  /** HTTP status (30x for redirect hops); 0 for `script`. */
  status: number;
  frameType: FrameType;
  /** The raw header, exactly as received; '' for `script`. A header over the log's limit is cut, ending in `…`. */
  header: string;
  /** Set when `header` was cut: the header's full length, in characters (the page marks the cut with it). */
  headerLength?: number;
  /** The cookie's name ('' for a nameless cookie); cut as the header is. */
  name: string;
  /** Set when `name` was cut: the name's full length, in characters. */
  nameLength?: number;
  verdict: Verdict;
  /** Why, when rejected. */
  reason?: LogRejectReason;
  /** The explainer's words, as a message the page words in the reader's language. */
  message: Msg;
  hint?: Msg;
  /** What only the header shows: invalid SameSite, capped lifetime, unparseable Expires... */
  notes: HeaderNote[];
  /** Every attribute as written in the header. */
  attributes: LoggedAttribute[];
  /** Set on a `deleted` verdict that deleted no existing cookie: it expired on arrival, so nothing was stored. */
  onArrival?: true;
  /** The cookie it stored or replaced (or deleted), when there is one. */
  cookie?: CookieRef;
  /** The browser reported the resulting cookie change (or the cookie was found in the jar). */
  confirmed?: boolean;
}
