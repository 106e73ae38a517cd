/**
 * What a browser does with one Set-Cookie header: the storage model of RFC 6265bis §5.7 plus the
 * rules Chrome and Firefox add on top (SameSite=None needs Secure, Partitioned needs Secure, the
 * 400-day lifetime cap, loopback counts as a secure origin), explained for a web developer.
 *
 * Browser differences, with sources:
 * - SameSite=None without Secure is rejected by Chrome (since M80) and by Firefox:
 *   `network.cookie.sameSite.noneRequiresSecure` defaults to true on every channel in
 *   mozilla-firefox/firefox modules/libpref/init/StaticPrefList.yaml (commit 14565d2c), and
 *   netwerk/cookie/CookieValidation.cpp (ValidateInternal) then rejects the cookie.
 * - Firefox does not apply Lax by default (`network.cookie.sameSite.laxByDefault` is false): a cookie
 *   without a valid SameSite behaves like SameSite=None there. Chrome treats it as Lax.
 * - Firefox rejects a nameless cookie whose value contains `=`
 *   (`network.cookie.block_nameless_with_equal_char`, true), and knows only the `__Secure-` and
 *   `__Host-` prefixes; Chrome also enforces `__Http-` and `__Host-Http-` (see ../prefix.ts).
 * - Both cap lifetimes at 400 days (Firefox: `network.cookie.maxageCap` = 34560000 s) and both reject
 *   Partitioned without Secure (Firefox: CookieValidation, CHIPS enabled by default).
 */
import { type Cookie, cookieKey, cookieSize, type SameSite } from '../../model/cookie';
import { caseInsensitiveOnlyPrefix, effectivePrefix, prefixViolations } from '../prefix';
import {
  domainMatches,
  hostOf,
  isCrossSite,
  isIpAddress,
  isPublicSuffix,
  isSecureRequest,
  partitionKeyFor,
  registrableDomain,
  siteOf,
} from '../site';
import type { RejectReason, Verdict } from '../../model/verdict';
import type { BrowserName } from '../types';
import { describeControl, type HeaderNote, MAX_NAME_VALUE_BYTES, type ParsedSetCookie, parseSetCookie } from './parse';
import { defaultPath, pathMatches } from './path';

export type { HeaderNote } from './parse';

/**
 * Reasons the browsers have that `RejectReason` in ../types.ts does not list yet (asked for in the
 * issue): a Lax/Strict (or Chrome's Lax-by-default) cookie set from a cross-site response, and
 * Firefox's refusal of nameless cookies whose value contains `=`. Fold into RejectReason when added.
 */

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
}

export interface Explanation {
  verdict: Verdict;
  reason?: RejectReason;
  /** One or two plain-text sentences for a web developer: what the browser does and why. */
  message: string;
  /** How to get the intended result, when there is an obvious fix. */
  hint?: string;
  /** What is stored, or what is deleted (the existing cookie, else the cookie as it arrived). */
  cookie?: Cookie;
  /** cookieKey() of the cookie this one replaces or deletes. */
  replaces?: string;
  parsed: ParsedSetCookie;
  /** What only the header shows: duplicates, ignored values, capped lifetimes... */
  notes: HeaderNote[];
}

/** 400 days, the longest lifetime Chrome and Firefox accept (RFC 6265bis §5.5/§5.6). */
export const MAX_LIFETIME_SECONDS = 400 * 24 * 60 * 60;
/** An Expires this close after the epoch is almost always a number of seconds passed as a date. */
const EPOCH_MISTAKE_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;

function formatTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

function formatDays(seconds: number): string {
  const days = seconds / 86400;
  return days >= 1 ? `${Math.round(days)} days` : `${seconds} seconds`;
}

function scopeText(cookie: Cookie): string {
  const where = cookie.hostOnly ? `${cookie.domain} only` : `${cookie.domain.slice(1)} and its subdomains`;
  return `${where}, path ${cookie.path}`;
}

function label(name: string, value: string): string {
  return name === '' ? `the nameless cookie "${value}"` : `"${name}"`;
}

/** Prefix rules as the given browser enforces them: what is missing, and the prefix. */
function prefixProblem(
  name: string,
  attrs: { secure: boolean; httpOnly: boolean; hostOnly: boolean; path: string },
  browser: BrowserName,
): { prefix: string; missing: string[] } | undefined {
  if (browser === 'firefox') {
    // Firefox knows __Secure- and __Host- only (case-insensitively), not __Http-.
    const lower = name.toLowerCase();
    const prefix = lower.startsWith('__host-') ? '__Host-' : lower.startsWith('__secure-') ? '__Secure-' : undefined;
    if (!prefix) return undefined;
    const missing = prefixViolations(prefix, attrs);
    return missing.length ? { prefix, missing } : undefined;
  }
  const prefix = effectivePrefix(name);
  if (!prefix) return undefined;
  const missing = prefixViolations(name, attrs);
  return missing.length ? { prefix, missing } : undefined;
}

/** The change that meets one prefix requirement listed by prefixViolations(). */
function fixFor(requirement: string): string {
  if (requirement === 'no Domain attribute') return 'remove the Domain attribute';
  if (requirement === 'Path=/') return 'set Path=/';
  return `add ${requirement}`;
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function startsLikePrefix(value: string, browser: BrowserName): boolean {
  if (browser === 'firefox') return /^__(secure|host)-/i.test(value);
  return effectivePrefix(value) !== undefined;
}

export function explainSetCookie(header: string, requestUrl: string, options: ExplainOptions = {}): Explanation {
  const now = options.now ?? Date.now();
  const browser = options.browser ?? 'chrome';
  const fromScript = options.fromScript ?? false;
  const storeId = options.storeId ?? (browser === 'firefox' ? 'firefox-default' : '0');
  const parsed = parseSetCookie(header);
  const notes = [...parsed.notes];

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    throw new TypeError(`explainSetCookie: not an absolute URL: ${requestUrl}`);
  }
  const host = hostOf(requestUrl);
  const secureOrigin = isSecureRequest(url);
  const topLevel = options.topLevelSite ?? requestUrl;
  const { name, value } = parsed;
  const who = label(name, value);

  const reject = (reason: RejectReason, message: string, hint?: string): Explanation => ({
    verdict: 'rejected',
    reason,
    message,
    ...(hint === undefined ? {} : { hint }),
    parsed,
    notes,
  });

  // 1. What the parser already refuses.
  if (parsed.rejection === 'control-characters') {
    return reject(
      'control-characters',
      `The browser ignores this header: it contains a ${describeControl(header)}, and RFC 6265bis tells browsers to drop any Set-Cookie with control characters.`,
      'Encode the value (for example with encodeURIComponent or base64) so it only contains printable characters.',
    );
  }
  if (parsed.rejection === 'empty') {
    return reject(
      'empty',
      'The browser ignores this header: the cookie has neither a name nor a value.',
      'Send name=value before the first ";".',
    );
  }
  if (parsed.rejection === 'too-large') {
    return reject(
      'too-large',
      `The browser ignores ${who}: name and value together are ${cookieSize(parsed)} bytes, over the ${MAX_NAME_VALUE_BYTES}-byte limit.`,
      'Keep the data on the server and put only an identifier in the cookie, or split it over several cookies.',
    );
  }
  if (browser === 'firefox' && name === '' && value.includes('=')) {
    return reject(
      'nameless-with-equals',
      `Firefox ignores ${who}: a cookie with an empty name whose value contains "=" is refused (network.cookie.block_nameless_with_equal_char).`,
      'Give the cookie a name: name=value.',
    );
  }
  if (name === '' && startsLikePrefix(value, browser)) {
    return reject(
      'nameless-prefix',
      `The browser ignores ${who}: it has no name and its value starts like a cookie prefix, which would let it pass for a ${effectivePrefix(value) ?? '__Secure-'} cookie on servers that read "name=value" from the Cookie header.`,
      'Give the cookie a real name.',
    );
  }

  // 2. Domain.
  let domainAttribute = parsed.domain ?? '';
  if (/[^\x00-\x7f]/.test(domainAttribute)) {
    let ascii: string | undefined;
    try {
      ascii = new URL(`http://${domainAttribute}`).hostname;
    } catch {
      ascii = undefined;
    }
    return reject(
      'non-ascii-domain',
      `The browser ignores ${who}: Domain=${domainAttribute} contains non-ASCII characters, and browsers only accept a domain in its ASCII (punycode) form.`,
      ascii ? `Use Domain=${ascii}.` : 'Write the domain in its punycode (xn--) form.',
    );
  }
  if (domainAttribute !== '' && isPublicSuffix(domainAttribute)) {
    if (domainAttribute === host) {
      domainAttribute = '';
      notes.push({
        id: 'domain-public-suffix-host',
        severity: 'info',
        message: `Domain=${host} is a public suffix; because it is also the request's host, the browser stores a host-only cookie instead of a domain cookie.`,
      });
    } else {
      return reject(
        'domain-public-suffix',
        `The browser ignores ${who}: Domain=${domainAttribute} is a public suffix (like "com" or "github.io"), and a cookie for a whole public suffix would be shared with unrelated sites.`,
        `Use Domain=${registrableDomain(host)} or omit Domain to keep the cookie on ${host}.`,
      );
    }
  }
  if (domainAttribute !== '' && isIpAddress(host) && domainAttribute === host) domainAttribute = '';
  if (domainAttribute !== '' && (domainAttribute.startsWith('.') || !domainMatches(host, domainAttribute))) {
    return reject(
      'domain-mismatch',
      `The browser ignores ${who}: Domain=${parsed.domain ?? ''} does not cover the host that set it (${host}); a site can only set cookies for its own host or a parent domain.`,
      registrableDomain(host) === host
        ? `Omit Domain to keep the cookie on ${host}, or use Domain=${host} to share it with its subdomains.`
        : `Omit Domain to keep the cookie on ${host}, or use Domain=${registrableDomain(host)} to share it across that site.`,
    );
  }
  const hostOnly = domainAttribute === '';
  const path = parsed.path ?? defaultPath(url.pathname);

  // 3. Secure, HttpOnly, SameSite, Partitioned.
  if (parsed.secure && !secureOrigin) {
    return reject(
      'secure-from-insecure-origin',
      `The browser ignores ${who}: it is marked Secure but was set by ${url.protocol}//${url.host}, which is not a secure origin (only https, and http on localhost or 127.0.0.1, may set Secure cookies).`,
      'Serve the site over https; for local development use http://localhost.',
    );
  }
  if (parsed.httpOnly && fromScript) {
    return reject(
      'httponly-from-script',
      `The browser ignores ${who}: document.cookie cannot create HttpOnly cookies, since HttpOnly exists to keep cookies away from scripts.`,
      'Set the cookie from the server with a Set-Cookie header, or drop HttpOnly if scripts must write it.',
    );
  }
  if (parsed.sameSite === 'none' && !parsed.secure) {
    const why =
      browser === 'firefox'
        ? 'Firefox requires Secure with SameSite=None (network.cookie.sameSite.noneRequiresSecure, on by default)'
        : 'Chrome requires Secure with SameSite=None';
    return reject(
      'samesite-none-insecure',
      `The browser ignores ${who}: it has SameSite=None without Secure, and ${why}.`,
      'Add Secure (and serve over https), or use SameSite=Lax if the cookie is not needed cross-site.',
    );
  }
  if (parsed.partitioned && !parsed.secure) {
    return reject(
      'partitioned-insecure',
      `The browser ignores ${who}: Partitioned cookies (CHIPS) must also be Secure.`,
      'Add Secure and serve over https.',
    );
  }
  const effectiveSameSite = parsed.sameSite ?? (browser === 'chrome' ? 'lax' : 'none');
  if (effectiveSameSite !== 'none' && isCrossSite(requestUrl, topLevel, browser)) {
    const what = parsed.sameSite
      ? `SameSite=${parsed.sameSiteRaw ?? parsed.sameSite}`
      : 'no valid SameSite, which Chrome treats as Lax,';
    return reject(
      'samesite-cross-site',
      `The browser ignores ${who}: it has ${what} and comes from a response that is cross-site to the top-level page (${siteOf(topLevel).site}); such cookies can only be set by same-site requests or top-level navigations.`,
      'If the cookie is meant for cross-site use, send SameSite=None; Secure (and Partitioned for a per-site embed).',
    );
  }

  // 4. Prefixes.
  const problem = prefixProblem(name, { secure: parsed.secure, httpOnly: parsed.httpOnly, hostOnly, path }, browser);
  if (problem) {
    const caseNote = caseInsensitiveOnlyPrefix(name)
      ? ` (prefixes match case-insensitively, so "${name}" counts as ${problem.prefix})`
      : '';
    return reject(
      'invalid-prefix',
      `The browser ignores ${who}: names starting with ${problem.prefix} require ${listText(problem.missing)}${caseNote}.`,
      `${capitalize(listText(problem.missing.map(fixFor)))}, or rename the cookie without the prefix.`,
    );
  }

  // 5. The cookie as it would be stored.
  const partitionKey = parsed.partitioned ? partitionKeyFor(requestUrl, topLevel, browser) : undefined;
  let expiryMs: number | undefined;
  let capped = false;
  if (parsed.maxAge !== undefined) {
    if (parsed.maxAge <= 0) {
      expiryMs = 0;
    } else {
      capped = parsed.maxAge > MAX_LIFETIME_SECONDS;
      expiryMs = now + Math.min(parsed.maxAge, MAX_LIFETIME_SECONDS) * 1000;
    }
    if (parsed.expires) {
      notes.push({
        id: 'max-age-overrides-expires',
        severity: 'info',
        message: 'The header has both Max-Age and Expires; browsers use Max-Age and ignore Expires.',
      });
    }
  } else if (parsed.expires) {
    const limit = now + MAX_LIFETIME_SECONDS * 1000;
    const at = parsed.expires.getTime();
    capped = at > limit;
    expiryMs = Math.min(at, limit);
  }
  if (capped) {
    const asked =
      parsed.maxAge !== undefined
        ? `Max-Age=${parsed.maxAge} (${formatDays(parsed.maxAge)})`
        : `Expires=${formatTime(parsed.expires?.getTime() ?? 0)}`;
    notes.push({
      id: 'lifetime-capped',
      severity: 'low',
      message: `${asked} is more than 400 days away; Chrome and Firefox cap cookie lifetimes at 400 days, so it expires on ${formatTime(expiryMs ?? now)}.`,
    });
  }

  const sameSite: SameSite = parsed.sameSite ?? 'unspecified';
  const cookie: Cookie = {
    name,
    value,
    domain: hostOnly ? host : `.${domainAttribute}`,
    hostOnly,
    path,
    secure: parsed.secure,
    httpOnly: parsed.httpOnly,
    sameSite,
    session: expiryMs === undefined,
    storeId,
  };
  if (expiryMs !== undefined) cookie.expirationDate = Math.max(expiryMs, 0) / 1000;
  if (partitionKey) cookie.partitionKey = partitionKey;
  const key = cookieKey(cookie);

  // 6. What it does to the cookies already there.
  const jar = (options.jar ?? []).filter((c) => c.storeId === storeId);
  if (!parsed.secure && !secureOrigin) {
    const bare = cookie.domain.replace(/^\./, '');
    const shadowed = jar.find((c) => {
      const other = c.domain.replace(/^\./, '');
      return (
        c.secure &&
        c.name === name &&
        (domainMatches(other, bare) || domainMatches(bare, other)) &&
        pathMatches(path, c.path)
      );
    });
    if (shadowed) {
      return reject(
        'overwrite-secure',
        `The browser ignores ${who}: a Secure cookie with the same name already exists for ${scopeText(shadowed)}, and a page on http may not overwrite or shadow it.`,
        'Set the cookie from https, with Secure.',
      );
    }
  }
  const existing = jar.find((c) => cookieKey(c) === key);
  if (existing && fromScript && existing.httpOnly) {
    return reject(
      'overwrite-httponly',
      `The browser ignores ${who}: it would replace an HttpOnly cookie, which document.cookie may not touch.`,
      'Change the cookie from the server instead.',
    );
  }

  const base = { parsed, notes };
  if (expiryMs !== undefined && expiryMs <= now) {
    const epochMistake =
      parsed.maxAge === undefined && parsed.expires !== undefined && expiryMs > 0 && expiryMs < EPOCH_MISTAKE_WINDOW_MS;
    const why =
      parsed.maxAge !== undefined
        ? `Max-Age=${parsed.maxAge} is zero or negative`
        : `its expiry (${formatTime(expiryMs)}) is in the past`;
    notes.push({
      id: 'expires-in-past',
      severity: epochMistake ? 'high' : 'info',
      message:
        parsed.maxAge !== undefined
          ? `Max-Age=${parsed.maxAge} means "expire now": this header deletes the cookie.`
          : `Expires=${formatTime(expiryMs)} is in the past: this header deletes the cookie rather than setting it.`,
    });
    let hint: string | undefined;
    if (epochMistake) {
      const seconds = Math.round(expiryMs / 1000);
      hint = `An Expires in the first days of 1970 almost always means a lifetime in seconds was passed where an absolute date was expected (for example Flask's set_cookie(..., expires=${seconds})). A lifetime in seconds belongs in Max-Age: send Max-Age=${seconds} (in Flask, max_age=${seconds}).`;
      notes.push({
        id: 'expires-near-epoch',
        severity: 'high',
        message: `Expires is ${formatTime(expiryMs)}, ${seconds} seconds after the Unix epoch: probably a relative lifetime sent as an absolute date.`,
      });
    }
    if (existing) {
      return {
        verdict: 'deleted',
        message: `The browser deletes the existing cookie ${who} (${scopeText(existing)}) because ${why}.`,
        ...(hint === undefined ? {} : { hint }),
        cookie: existing,
        replaces: key,
        ...base,
      };
    }
    return {
      verdict: 'deleted',
      message: `Nothing is stored: ${who} is deleted on arrival because ${why}.`,
      ...(hint === undefined ? {} : { hint }),
      cookie,
      ...base,
    };
  }

  const lifetime =
    expiryMs === undefined
      ? 'as a session cookie (deleted when the browser session ends)'
      : `kept until ${formatTime(expiryMs)}`;
  if (existing) {
    return {
      verdict: 'replaced',
      message: `The browser replaces the existing cookie ${who} for ${scopeText(cookie)} with the new one, ${lifetime}.`,
      cookie,
      replaces: key,
      ...base,
    };
  }
  return {
    verdict: 'stored',
    message: `The browser stores ${who} for ${scopeText(cookie)}, ${lifetime}.`,
    cookie,
    ...base,
  };
}
