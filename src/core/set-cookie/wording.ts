/**
 * Every sentence the Set-Cookie parser and explainer say to a web developer, in one place: why a
 * header is rejected (with the fix), the notes on what only the header shows, and the verdicts.
 * Plain text only; the checks decide, this module words.
 */
import type { Cookie } from '../../model/cookie';
import type { RejectReason } from '../../model/verdict';
import type { BrowserName } from '../types';

/** What a check says when it refuses a header: what the browser does and why, and the fix. */
export interface Rejection {
  reason: RejectReason;
  message: string;
  hint: string;
}

// --- Small pieces of text --------------------------------------------------------------------------

/** `2026-01-15 13:00:00 UTC` */
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

/** How messages name the cookie: `"sid"`, or `the nameless cookie "value"`. */
export function cookieLabel(name: string, value: string): string {
  return name === '' ? `the nameless cookie "${value}"` : `"${name}"`;
}

/** Names a control character, e.g. `line feed (0x0a)`. */
export function controlName(code: number): string {
  const names: Record<number, string> = {
    0: 'NUL',
    9: 'horizontal tab',
    10: 'line feed',
    13: 'carriage return',
    127: 'DEL',
  };
  return `${names[code] ?? 'control character'} (0x${code.toString(16).padStart(2, '0')})`;
}

/** The change that meets one prefix requirement listed by prefixViolations(). */
function fixFor(requirement: string): string {
  if (requirement === 'no Domain attribute') return 'remove the Domain attribute';
  if (requirement === 'Path=/') return 'set Path=/';
  if (requirement === 'a secure origin (https)') return 'send it from https';
  return `add ${requirement}`;
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- Rejections, in the order the checks run -------------------------------------------------------

const REJECTED = {
  'control-characters': (control: string, tabWhere?: string) => ({
    message: tabWhere
      ? `The browser ignores this header: it has a ${control} inside ${tabWhere}. RFC 6265bis allows tabs there, but the browser refuses them.`
      : `The browser ignores this header: it contains a ${control}, and RFC 6265bis tells browsers to drop any Set-Cookie with control characters.`,
    hint: 'Encode the value (for example with encodeURIComponent or base64) so it only contains printable characters.',
  }),
  empty: () => ({
    message: 'The browser ignores this header: the cookie has neither a name nor a value.',
    hint: 'Send name=value before the first ";".',
  }),
  'too-large': (who: string, bytes: number, limit: number) => ({
    message: `The browser ignores ${who}: name and value together are ${bytes} bytes, over the ${limit}-byte limit.`,
    hint: 'Keep the data on the server and put only an identifier in the cookie, or split it over several cookies.',
  }),
  'nameless-with-equals': (who: string, browser: BrowserName = 'firefox', valueHasEquals = true) => ({
    message:
      browser === 'chrome'
        ? `Chrome ignores ${who}, without saying so: a cookie with an empty name whose value contains "=" is dropped, since it would read as name=value in the Cookie header.`
        : valueHasEquals
          ? `Firefox ignores ${who}: a cookie with an empty name whose value contains "=" is refused (network.cookie.block_nameless_with_equal_char).`
          : `Firefox ignores ${who}: it refuses every cookie written with "=" and an empty name. Without the "=", Firefox would store the text as a name with an empty value.`,
    hint: 'Give the cookie a name: name=value.',
  }),
  'nameless-prefix': (who: string, prefix: string) => ({
    message: `The browser ignores ${who}: it has no name and its value starts like a cookie prefix, which would let it pass for a ${prefix} cookie on servers that read "name=value" from the Cookie header.`,
    hint: 'Give the cookie a real name.',
  }),
  'non-ascii-domain': (who: string, domain: string, ascii: string | undefined) => ({
    message: `The browser ignores ${who}: Domain=${domain} contains non-ASCII characters, and browsers only accept a domain in its ASCII (punycode) form.`,
    hint: ascii ? `Use Domain=${ascii}.` : 'Write the domain in its punycode (xn--) form.',
  }),
  'domain-public-suffix': (who: string, domain: string, host: string, site: string) => ({
    message: `The browser ignores ${who}: Domain=${domain} is a public suffix (like "com" or "github.io"), and a cookie for a whole public suffix would be shared with unrelated sites.`,
    hint: `Use Domain=${site} or omit Domain to keep the cookie on ${host}.`,
  }),
  'domain-mismatch': (who: string, domain: string, host: string, site: string) => ({
    message: `The browser ignores ${who}: Domain=${domain} does not cover the host that set it (${host}); a site can only set cookies for its own host or a parent domain.`,
    hint:
      site === host
        ? `Omit Domain to keep the cookie on ${host}, or use Domain=${host} to share it with its subdomains.`
        : `Omit Domain to keep the cookie on ${host}, or use Domain=${site} to share it across that site.`,
  }),
  'secure-from-insecure-origin': (who: string, origin: string) => ({
    message: `The browser ignores ${who}: it is marked Secure but was set by ${origin}, which is not a secure origin (only https, and http on localhost or 127.0.0.1, may set Secure cookies).`,
    hint: 'Serve the site over https; for local development use http://localhost.',
  }),
  'httponly-from-script': (who: string) => ({
    message: `The browser ignores ${who}: document.cookie cannot create HttpOnly cookies, since HttpOnly exists to keep cookies away from scripts.`,
    hint: 'Set the cookie from the server with a Set-Cookie header, or drop HttpOnly if scripts must write it.',
  }),
  'samesite-none-insecure': (who: string, browser: BrowserName) => ({
    message: `The browser ignores ${who}: it has SameSite=None without Secure, and ${
      browser === 'firefox'
        ? 'Firefox requires Secure with SameSite=None (network.cookie.sameSite.noneRequiresSecure, on by default)'
        : 'Chrome requires Secure with SameSite=None'
    }.`,
    hint: 'Add Secure (and serve over https), or use SameSite=Lax if the cookie is not needed cross-site.',
  }),
  'partitioned-insecure': (who: string) => ({
    message: `The browser ignores ${who}: Partitioned cookies (CHIPS) must also be Secure.`,
    hint: 'Add Secure and serve over https.',
  }),
  /** `sameSite`: the SameSite as written, or undefined when the header has no valid one (Chrome's Lax by default). */
  'samesite-cross-site': (who: string, sameSite: string | undefined, topSite: string) => ({
    message: `The browser ignores ${who}: it has ${
      sameSite ? `SameSite=${sameSite}` : 'no valid SameSite, which Chrome treats as Lax,'
    } and comes from a response that is cross-site to the top-level page (${topSite}); such cookies can only be set by same-site requests or top-level navigations.`,
    hint: 'If the cookie is meant for cross-site use, send SameSite=None; Secure (and Partitioned for a per-site embed).',
  }),
  'third-party-blocked': (who: string, topSite: string) => ({
    message: `The browser ignores ${who}: it comes from a response that is cross-site to the top-level page (${topSite}), and the browser is set to block third-party cookies.`,
    hint: 'For state kept per embedding site, add Partitioned (with Secure): partitioned cookies (CHIPS) are allowed in third-party frames.',
  }),
  /** `caseOnly`: the name has the prefix only when compared case-insensitively. */
  'invalid-prefix': (who: string, name: string, prefix: string, missing: readonly string[], caseOnly: boolean) => ({
    message: `The browser ignores ${who}: names starting with ${prefix} require ${listText(missing)}${
      caseOnly ? ` (prefixes match case-insensitively, so "${name}" counts as ${prefix})` : ''
    }.`,
    hint: `${capitalize(listText(missing.map(fixFor)))}, or rename the cookie without the prefix.`,
  }),
  'overwrite-secure': (who: string, shadowed: Cookie) => ({
    message: `The browser ignores ${who}: a Secure cookie with the same name already exists for ${scopeText(shadowed)}, and a page on http may not overwrite or shadow it.`,
    hint: 'Set the cookie from https, with Secure.',
  }),
  'overwrite-httponly': (who: string) => ({
    message: `The browser ignores ${who}: it would replace an HttpOnly cookie, which document.cookie may not touch.`,
    hint: 'Change the cookie from the server instead.',
  }),
} satisfies Record<RejectReason, (...args: never[]) => { message: string; hint: string }>;

type Said = typeof REJECTED;

/** The rejection for `reason`, worded from the details its sentence needs. */
export function rejected<R extends RejectReason>(reason: R, ...details: Parameters<Said[R]>): Rejection {
  const say = REJECTED[reason] as (...args: Parameters<Said[R]>) => { message: string; hint: string };
  return { reason, ...say(...details) };
}

// --- Notes: what only the header shows --------------------------------------------------------------

export const NOTE = {
  // Parser notes.
  controlCharacters: (control: string, where: 'the name or value' | 'an attribute') =>
    `The header contains a ${control} in ${where}; browsers ignore such a header entirely.`,
  namelessNoEquals: (value: string) =>
    `There is no "=" before the first ";", so this is a cookie with an empty name and the value "${value}"; browsers send it back as just "${value}".`,
  namelessEmptyName: (value: string) =>
    `The name is empty, so browsers send this cookie back as just "${value}", which servers usually read as a cookie named "${value}".`,
  unknownAttribute: (name: string) => `"${name}" is not a cookie attribute browsers know; it is ignored.`,
  attributeTooLong: (attribute: string, bytes: number, limit: number) =>
    `The ${attribute} value is ${bytes} bytes, over the ${limit}-byte limit, so browsers ignore this ${attribute} attribute.`,
  /** `lastValue`: the value of the one that wins, for attributes that have one. */
  duplicateAttribute: (attribute: string, count: number, lastValue: string | undefined) =>
    `${attribute} appears ${count} times; browsers use the last one${lastValue === undefined ? '' : ` (${lastValue || 'empty'})`} and ignore the others.`,
  expiresUnparseable: (value: string) =>
    `Expires=${value} is not a date browsers can read, so this attribute is ignored (without a valid Expires or Max-Age the cookie lasts only for the browser session). Use the form "Wed, 21 Oct 2026 07:28:00 GMT", or Max-Age.`,
  maxAgeInvalid: (value: string) => `Max-Age=${value} is not a whole number of seconds, so browsers ignore it.`,
  domainLeadingDot: (value: string, domain: string) =>
    `The leading dot in Domain=${value} is ignored: Domain=${domain} means the same, this host and all its subdomains.`,
  domainEmpty: () => 'Domain is empty, which browsers treat as no Domain at all: the cookie is host-only.',
  pathInvalid: (value: string) =>
    `Path=${value} does not start with "/", so browsers use the default path (the directory of the request URL) instead.`,
  sameSiteInvalid: (value: string) =>
    `SameSite=${value} is not Strict, Lax or None, so browsers treat the cookie as if SameSite were missing: Chrome applies Lax by default; Firefox sends it like SameSite=None.`,

  // Explainer notes.
  domainPublicSuffixHost: (host: string) =>
    `Domain=${host} is a public suffix; because it is also the request's host, the browser stores a host-only cookie instead of a domain cookie.`,
  maxAgeOverridesExpires: () => 'The header has both Max-Age and Expires; browsers use Max-Age and ignore Expires.',
  /** `maxAge` when the lifetime came from Max-Age, else `expires` (ms) from Expires; `until`: the capped expiry. */
  lifetimeCapped: (asked: { maxAge: number } | { expires: number }, until: number) =>
    `${'maxAge' in asked ? `Max-Age=${asked.maxAge} (${formatDays(asked.maxAge)})` : `Expires=${formatTime(asked.expires)}`} is more than 400 days away; Chrome and Firefox cap cookie lifetimes at 400 days, so it expires on ${formatTime(until)}.`,
  expiresInPast: (maxAge: number | undefined, expiry: number) =>
    maxAge !== undefined
      ? `Max-Age=${maxAge} means "expire now": this header deletes the cookie.`
      : `Expires=${formatTime(expiry)} is in the past: this header deletes the cookie rather than setting it.`,
  expiresNearEpoch: (expiry: number, seconds: number) =>
    `Expires is ${formatTime(expiry)}, ${seconds} seconds after the Unix epoch: probably a relative lifetime sent as an absolute date.`,
};

// --- Verdicts ---------------------------------------------------------------------------------------

export const VERDICT = {
  /** Why a header deletes: `maxAge` when it has one, else its (past) expiry in ms. */
  deletedBecause: (maxAge: number | undefined, expiry: number) =>
    maxAge !== undefined
      ? `Max-Age=${maxAge} is zero or negative`
      : `its expiry (${formatTime(expiry)}) is in the past`,
  epochMistakeHint: (seconds: number) =>
    `An Expires in the first days of 1970 almost always means a lifetime in seconds was passed where an absolute date was expected (for example Flask's set_cookie(..., expires=${seconds})). A lifetime in seconds belongs in Max-Age: send Max-Age=${seconds} (in Flask, max_age=${seconds}).`,
  deletesExisting: (who: string, existing: Cookie, why: string) =>
    `The browser deletes the existing cookie ${who} (${scopeText(existing)}) because ${why}.`,
  deletedOnArrival: (who: string, why: string) => `Nothing is stored: ${who} is deleted on arrival because ${why}.`,
  /** `expiry` in ms, undefined for a session cookie. */
  lifetime: (expiry: number | undefined) =>
    expiry === undefined
      ? 'as a session cookie (deleted when the browser session ends)'
      : `kept until ${formatTime(expiry)}`,
  replaces: (who: string, cookie: Cookie, lifetime: string) =>
    `The browser replaces the existing cookie ${who} for ${scopeText(cookie)} with the new one, ${lifetime}.`,
  stores: (who: string, cookie: Cookie, lifetime: string) =>
    `The browser stores ${who} for ${scopeText(cookie)}, ${lifetime}.`,
};
