/**
 * Which cookies look like session cookies, which are anti-CSRF cookies, and how guessable a value is.
 * A documented heuristic (see the README's "Session-like heuristic"): cookie names and values only,
 * no knowledge of the site.
 *
 * A cookie is *session-like* when its name, lower-cased and without a `__Host-`/`__Secure-`/`__Http-`/
 * `__Host-Http-` prefix:
 * - is one of ZAP's default session token names (`asp.net_sessionid`, `aspsessionid*`, `cfid`, `cftoken`,
 *   `jsessionid`, `phpsessid`, `sessid`, `sid`, `siteserver`, `zenid`), or
 * - is a known framework session name (`connect.sid`, `laravel_session`, `.AspNetCore.*`, ...: see
 *   `sessionFramework`), or
 * - contains `sess`, `login`, `auth`, `token` or `remember`, or has `sid` as a word (`connect.sid`, `user_sid`),
 * or when its value is a JWT. Anti-CSRF cookies are never session-like.
 *
 * A cookie is *anti-CSRF* when its name contains `csrf`, `xsrf` or `antiforgery` (`XSRF-TOKEN`, `csrftoken`,
 * `csrf_token`, `_csrf`, `.AspNetCore.Antiforgery.*`). The double-submit pattern needs scripts to read
 * such a cookie, so the HttpOnly rules leave them alone.
 */
import type { Cookie } from '../model/cookie';
import { effectivePrefix } from './prefix';

/** ZAP's default session token names, lower case; `aspsessionid` also matches as a prefix. */
export const ZAP_SESSION_TOKEN_NAMES: readonly string[] = [
  'asp.net_sessionid',
  'aspsessionid',
  'cfid',
  'cftoken',
  'jsessionid',
  'phpsessid',
  'sessid',
  'sid',
  'siteserver',
  'zenid',
];

/** Name parts that mark a session-like cookie wherever they appear in the name. */
export const SESSION_NAME_PARTS: readonly string[] = ['sess', 'login', 'auth', 'token', 'remember'];

/** Frameworks that give away their name in the session cookie's default name. Tested on the lower-cased base name. */
const FRAMEWORK_NAMES: readonly { readonly test: RegExp; readonly framework: string }[] = [
  { test: /^phpsessid$/, framework: 'PHP' },
  { test: /^jsessionid$/, framework: 'Java servlets (Tomcat, Jetty, ...)' },
  { test: /^asp\.net_sessionid$/, framework: 'ASP.NET' },
  { test: /^aspsessionid/, framework: 'classic ASP (IIS)' },
  { test: /^\.aspxauth$/, framework: 'ASP.NET forms authentication' },
  { test: /^\.aspnetcore\.(?!culture$|antiforgery)/, framework: 'ASP.NET Core' },
  { test: /^(cfid|cftoken)$/, framework: 'ColdFusion' },
  { test: /^connect\.sid$/, framework: 'Express (express-session)' },
  { test: /^express:sess(\.sig)?$/, framework: 'Express (cookie-session)' },
  { test: /^koa[.:]sess(\.sig)?$/, framework: 'Koa' },
  { test: /^laravel_session$/, framework: 'Laravel' },
  { test: /^ci_session$/, framework: 'CodeIgniter' },
  { test: /^cakephp$/, framework: 'CakePHP' },
  { test: /^play_session$/, framework: 'Play Framework' },
  { test: /^rack\.session$/, framework: 'Rack (Ruby)' },
  { test: /^sessionid$/, framework: 'Django' },
  { test: /^s?sess[0-9a-f]{32}$/, framework: 'Drupal' },
  { test: /^wordpress_(logged_in|sec)_/, framework: 'WordPress' },
  { test: /^zenid$/, framework: 'Zen Cart' },
];

/** The name without a cookie prefix, lower-cased. */
function baseName(name: string): string {
  const prefix = effectivePrefix(name);
  return (prefix ? name.slice(prefix.length) : name).toLowerCase();
}

/**
 * What a name says, worked out once per name: an audit asks several rules about every cookie, and
 * a store repeats the same names across sites. Bounded, so a long-lived worker does not grow it.
 */
const NAMES_KEPT = 4096;
const byName = new Map<string, { antiCsrf: boolean; sessionLike: boolean }>();

function nameFacts(name: string): { antiCsrf: boolean; sessionLike: boolean } {
  let facts = byName.get(name);
  if (!facts) {
    const antiCsrf = /csrf|xsrf|antiforgery/.test(baseName(name));
    facts = { antiCsrf, sessionLike: !antiCsrf && sessionLikeByName(name) };
    if (byName.size >= NAMES_KEPT) byName.clear();
    byName.set(name, facts);
  }
  return facts;
}

/** True for double-submit / anti-forgery cookie names (`XSRF-TOKEN`, `csrftoken`, `_csrf`, ...). */
export function isAntiCsrfName(name: string): boolean {
  return nameFacts(name).antiCsrf;
}

/** The framework a default session cookie name gives away (`PHPSESSID` → `PHP`), or undefined. */
export function sessionFramework(name: string): string | undefined {
  const base = baseName(name);
  return FRAMEWORK_NAMES.find((f) => f.test.test(base))?.framework;
}

/** Session-like by name alone (see the module comment). */
export function isSessionLikeName(name: string): boolean {
  return nameFacts(name).sessionLike;
}

/** `isSessionLikeName` for a name that is not anti-CSRF, worked out. */
function sessionLikeByName(name: string): boolean {
  const base = baseName(name);
  if (base === '') return false;
  if (ZAP_SESSION_TOKEN_NAMES.includes(base) || base.startsWith('aspsessionid')) return true;
  if (sessionFramework(name) !== undefined) return true;
  if (SESSION_NAME_PARTS.some((part) => base.includes(part))) return true;
  return base.split(/[^a-z0-9]+/).includes('sid');
}

export function isAntiCsrf(cookie: Pick<Cookie, 'name'>): boolean {
  return isAntiCsrfName(cookie.name);
}

/** Session-like by name or by a JWT value; never an anti-CSRF cookie. */
export function isSessionLike(cookie: Pick<Cookie, 'name' | 'value'>): boolean {
  const { antiCsrf, sessionLike } = nameFacts(cookie.name);
  if (antiCsrf) return false;
  return sessionLike || isJwtShaped(cookie.value);
}

const JWS = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JWE = /^eyJ[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/;

function decodeBase64UrlJson(segment: string): unknown {
  try {
    const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
  } catch {
    return undefined;
  }
}

/**
 * True when the value is a JSON Web Token in compact form (JWS: three base64url parts; JWE: five) whose
 * header decodes to a JSON object with an `alg`. Surrounding double quotes are ignored.
 */
export function isJwtShaped(value: string): boolean {
  const v = unquote(value.trim());
  if (v.length > 16384 || !(JWS.test(v) || JWE.test(v))) return false;
  const header = decodeBase64UrlJson(v.slice(0, v.indexOf('.')));
  return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
}

/**
 * The text without trailing `=` padding. A loop, not `replace(/=+$/, '')`: that regex tried the run of
 * `=` from each of its characters, so 60,000 `=` followed by anything else took seconds (issue 11).
 */
function withoutPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  return text.slice(0, end);
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** The alphabet size and length the entropy estimate uses. */
export interface EntropyEstimate {
  bits: number;
  length: number;
  alphabet: number;
}

/**
 * An upper bound on the entropy of a value, assuming each character was drawn uniformly from the
 * character classes the value uses: `bits = length × log2(alphabet)`, where the alphabet adds up
 * - digits: 10;
 * - lower-case letters: 26, or 6 when the value is hex (digits plus letters a–f, all in one case);
 * - upper-case letters: the same, 26 or 6;
 * - every other distinct character: 1 each (`-`, `_`, `.`, ...).
 * Surrounding double quotes and trailing `=` padding are not counted. Real values have structure
 * (counters, timestamps, words) that make them weaker than this bound, so a value that fails it is
 * certainly guessable; one that passes is not proven strong.
 */
export function estimateEntropy(value: string): EntropyEstimate {
  const v = withoutPadding(unquote(value));
  const chars = Array.from(v);
  const hasDigit = /[0-9]/.test(v);
  const hasLower = /[a-z]/.test(v);
  const hasUpper = /[A-Z]/.test(v);
  const hex = hasDigit && !(hasLower && hasUpper) && !/[g-zG-Z]/.test(v);
  const lower = hasLower ? (hex ? 6 : 26) : 0;
  const upper = hasUpper ? (hex ? 6 : 26) : 0;
  const others = new Set(chars.filter((c) => !/[0-9a-zA-Z]/.test(c))).size;
  const alphabet = (hasDigit ? 10 : 0) + lower + upper + others;
  const bits = alphabet > 1 ? chars.length * Math.log2(alphabet) : 0;
  return { bits, length: chars.length, alphabet };
}

export function estimateEntropyBits(value: string): number {
  return estimateEntropy(value).bits;
}

/**
 * A long random token: at least 32 characters of base64/base64url/hex (`=` padding allowed), letters and
 * digits mixed, and an entropy estimate of at least 128 bits. Such values are usually credentials.
 */
export function isLongRandomToken(value: string): boolean {
  const v = unquote(value.trim());
  const body = withoutPadding(v);
  if (body.length < 32 || !/^[A-Za-z0-9+/_-]+$/.test(body)) return false;
  if (!/[0-9]/.test(body) || !/[A-Za-z]/.test(body)) return false;
  return estimateEntropyBits(body) >= 128;
}

/**
 * Values that are flags, not identifiers (`1`, `true`, `yes`, `on`, ...; `deleted` is PHP's placeholder
 * for a removed cookie). weak-session-id does not judge them.
 */
export function isFlagValue(value: string): boolean {
  return /^(0|1|true|false|yes|no|on|off|null|undefined|deleted)$/i.test(unquote(value.trim()));
}
