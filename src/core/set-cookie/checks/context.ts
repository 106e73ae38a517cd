/**
 * What every check of the explainer looks at: the request, the parsed header, and the cookie the
 * header would store if no check refuses it. Built once per header by contextFor().
 */
import { type Cookie, cookieKey, type SameSite } from '../../../model/cookie';
import type { HeaderNote } from '../../../model/verdict';
import { hostOf, isSecureRequest, partitionKeyFor } from '../../site';
import type { BrowserName } from '../../types';
import { type ParsedSetCookie, parseSetCookie } from '../parse';
import { defaultPath } from '../path';
import { cookieLabel, type Rejection } from '../wording';
import { appliedDomain } from './domain';
import { type Lifetime, lifetimeOf } from './lifetime';
import type { Msg } from '../../../i18n/msg';

export interface ExplainOptions {
  /** The cookies the browser already has (any store; only `storeId`'s are considered). */
  jar?: readonly Cookie[];
  /** Milliseconds since the epoch; defaults to Date.now(). */
  now?: number;
  /**
   * URL or site of the top-level page (`https://example.com/page`, `https://example.com` or
   * `example.com`; a bare site is taken as https). Used for cross-site SameSite checks and the
   * partition key; defaults to the request URL (a top-level, same-site response).
   */
  topLevelSite?: string;
  /** Defaults to `chrome`. */
  browser?: BrowserName;
  /** The header string comes from `document.cookie` rather than an HTTP response. */
  fromScript?: boolean;
  /** Store the cookie goes to; defaults to `0` (Chrome) or `firefox-default`. */
  storeId?: string;
  /**
   * The browser blocks third-party cookies (Chrome: `privacy.websites.thirdPartyCookiesAllowed` is
   * false). Only when the caller knows; unknown is taken as allowed.
   */
  thirdPartyCookiesBlocked?: boolean;
}

/** The cookie as the header would store it, before any check has had its say. */
export interface Draft {
  cookie: Cookie;
  /** cookieKey() of `cookie`. */
  key: string;
  /** When it expires (capped at 400 days), and whether the header asked for longer. */
  lifetime: Lifetime;
  /** The cookie in the jar it would replace or delete. */
  existing: Cookie | undefined;
}

export interface ExplainContext {
  header: string;
  parsed: ParsedSetCookie;
  requestUrl: string;
  url: URL;
  /** Lower-case host of the request URL. */
  host: string;
  /** https, wss or a loopback host. */
  secureOrigin: boolean;
  /** URL or site of the top-level page. */
  topLevel: string;
  browser: BrowserName;
  fromScript: boolean;
  /** See ExplainOptions.thirdPartyCookiesBlocked. */
  thirdPartyCookiesBlocked: boolean;
  now: number;
  /** How messages name the cookie. */
  who: Msg;
  /** The cookies of the store the cookie goes to. */
  jar: readonly Cookie[];
  draft: Draft;
  /** The header's notes: the parser's, then the checks'. Checks add to it. */
  notes: HeaderNote[];
}

/** One step of the explainer: a rejection, or undefined to go on (possibly after adding notes). */
export type Check = (ctx: ExplainContext) => Rejection | undefined;

/**
 * The Max-Age the browser uses. Chromium 156 also takes a leading `+` (`Max-Age=+5` lasts five
 * seconds), which RFC 6265bis and Firefox ESR 153 ignore; the last valid Max-Age wins.
 */
function maxAgeFor(parsed: ParsedSetCookie, browser: BrowserName): number | undefined {
  if (browser !== 'chrome') return parsed.maxAge;
  let maxAge: number | undefined;
  for (const a of parsed.attributes) {
    if (a.name.toLowerCase() !== 'max-age' || a.value.length > 1024) continue;
    if (/^[+-]?\d+$/.test(a.value)) maxAge = Number.parseInt(a.value, 10);
  }
  return maxAge;
}

/**
 * Name and value as the browser stores them. A header without `=` is a nameless cookie in Chromium
 * (RFC 6265bis); Firefox ESR 153 stores its text as the name, with an empty value.
 */
function nameAndValue(parsed: ParsedSetCookie, browser: BrowserName): { name: string; value: string } {
  if (browser === 'firefox' && parsed.nameless) return { name: parsed.value, value: '' };
  return { name: parsed.name, value: parsed.value };
}

export function contextFor(header: string, requestUrl: string, options: ExplainOptions = {}): ExplainContext {
  const now = options.now ?? Date.now();
  const browser = options.browser ?? 'chrome';
  const storeId = options.storeId ?? (browser === 'firefox' ? 'firefox-default' : '0');
  const parsed = parseSetCookie(header);
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    throw new TypeError(`explainSetCookie: not an absolute URL: ${requestUrl}`);
  }
  const host = hostOf(requestUrl);
  const topLevel = options.topLevelSite ?? requestUrl;
  const jar = (options.jar ?? []).filter((c) => c.storeId === storeId);

  const domain = appliedDomain(parsed.domain ?? '', host);
  const maxAge = maxAgeFor(parsed, browser);
  const lifetime = lifetimeOf({ ...parsed, ...(maxAge === undefined ? {} : { maxAge }) }, now);
  const { name, value } = nameAndValue(parsed, browser);
  const sameSite: SameSite = parsed.sameSite ?? 'unspecified';
  const cookie: Cookie = {
    name,
    value,
    domain: domain === '' ? host : `.${domain}`,
    hostOnly: domain === '',
    path: parsed.path ?? defaultPath(url.pathname),
    secure: parsed.secure,
    httpOnly: parsed.httpOnly,
    sameSite,
    session: lifetime.expiryMs === undefined,
    storeId,
  };
  if (lifetime.expiryMs !== undefined) cookie.expirationDate = Math.max(lifetime.expiryMs, 0) / 1000;
  if (parsed.partitioned) cookie.partitionKey = partitionKeyFor(requestUrl, topLevel, browser);
  const key = cookieKey(cookie);

  return {
    header,
    parsed,
    requestUrl,
    url,
    host,
    secureOrigin: isSecureRequest(url),
    topLevel,
    browser,
    fromScript: options.fromScript ?? false,
    thirdPartyCookiesBlocked: options.thirdPartyCookiesBlocked ?? false,
    now,
    who: cookieLabel(name, value),
    jar,
    draft: { cookie, key, lifetime, existing: jar.find((c) => cookieKey(c) === key) },
    notes: [...parsed.notes],
  };
}
