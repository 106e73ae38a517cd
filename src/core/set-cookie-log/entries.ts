/** Log entries: a response's headers explained in order, a cookie set by script, a cookie the browser blocked. */
import { type Cookie, cookieKey, partitionText } from '../../model/cookie';
import type { CookieRef, FrameType, LogRejectReason, SetCookieEntry } from '../../model/set-cookie-entry';
import { explainSetCookie, type Explanation } from '../set-cookie/index';
import { cookieLabel } from '../set-cookie/wording';
import type { BrowserName } from '../types';
import { applyToJar } from './replay-jar';
import { msg } from '../../i18n/msg';

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
  /** The browser blocks third-party cookies (when known). */
  thirdPartyCookiesBlocked?: boolean;
}

/** Numbers entries: one counter per log, so ids stay unique across tabs. */
export type NextId = () => number;

/**
 * Header text kept per entry: a longer header is cut, ending in `…`, and its full length kept beside it
 * (`headerLength`) for the page's mark, "[cut: 240,005 characters in all]" (the browsers' own limit is 4 KB a cookie).
 */
export const HEADER_KEPT = 8 * 1024;
/** Attributes kept per entry: a header with thousands is summed up, not stored whole. */
export const ATTRIBUTES_KEPT = 64;

/** Characters kept of each attribute's name and value. */
export const ATTRIBUTE_KEPT = 512;

/** Text as the log keeps it: whole, or its first `max` characters and `…` (the entry says how long it was). */
export function kept(text: string, max = HEADER_KEPT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…`;
}

function entryFrom(header: string, info: ResponseInfo, explanation: Explanation, id: number): SetCookieEntry {
  const entry: SetCookieEntry = {
    id,
    tabId: info.tabId,
    time: info.time,
    source: 'header',
    requestUrl: info.requestUrl,
    status: info.status,
    frameType: info.frameType,
    header: kept(header),
    name: kept(explanation.parsed.name),
    verdict: explanation.verdict,
    message: explanation.message,
    notes: explanation.notes.slice(0, ATTRIBUTES_KEPT),
    attributes: explanation.parsed.attributes.slice(0, ATTRIBUTES_KEPT).map(({ name, value, effective }) => ({
      name: kept(name, ATTRIBUTE_KEPT),
      value: kept(value, ATTRIBUTE_KEPT),
      effective,
    })),
  };
  if (header.length > HEADER_KEPT) entry.headerLength = header.length;
  if (explanation.parsed.name.length > HEADER_KEPT) entry.nameLength = explanation.parsed.name.length;
  const more = explanation.parsed.attributes.length - ATTRIBUTES_KEPT;
  if (more > 0) {
    const message = msg('log_attributes_cut', more, ATTRIBUTES_KEPT);
    entry.notes = [...entry.notes, { id: 'attributes-cut', severity: 'info', message }];
  }
  if (explanation.reason) entry.reason = explanation.reason;
  if (explanation.verdict === 'deleted' && !explanation.replaces) entry.onArrival = true;
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
      ...(info.thirdPartyCookiesBlocked === undefined
        ? {}
        : { thirdPartyCookiesBlocked: info.thirdPartyCookiesBlocked }),
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
  const what = cookieLabel(cookie.name, cookie.value);
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
    message: msg(info.replaced ? 'log_script_replaced' : 'log_script_stored', what, cookie.domain, cookie.path),
    notes: [],
    attributes: [],
    cookie: cookieRef(cookie),
  };
}

/** What the browser did not store although the header was valid: it blocked the cookie itself. */
export function markBlocked(
  entry: SetCookieEntry,
  context: { thirdParty: boolean; browserLabel: string },
): SetCookieEntry {
  const reason: LogRejectReason = 'blocked-by-browser';
  const who = entry.name === '' ? msg('log_nameless_cookie') : msg('sc_quoted', entry.name);
  const { cookie: _dropped, ...rest } = entry;
  return {
    ...rest,
    verdict: 'rejected',
    reason,
    message: msg(context.thirdParty ? 'log_blocked_third_party' : 'log_blocked', context.browserLabel, who),
    hint: msg(context.thirdParty ? 'sc_rej_third_party_hint' : 'log_blocked_hint'),
  };
}
