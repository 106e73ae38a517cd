/**
 * Every sentence the Set-Cookie parser and explainer say to a web developer, in one place: why a
 * header is rejected (with the fix), the notes on what only the header shows, and the verdicts.
 * Each is a message (an id of `_locales/en/messages.json` and its arguments) that the page words in
 * the reader's language; the checks decide, this module picks the words.
 */
import { type Msg, type MsgArg, msg, plural } from '../../i18n/msg';
import type { Cookie } from '../../model/cookie';
import type { RejectReason } from '../../model/verdict';
import type { BrowserName } from '../types';

/** What a check says when it refuses a header: what the browser does and why, and the fix. */
export interface Rejection {
  reason: RejectReason;
  message: Msg;
  hint: Msg;
}

// --- Small pieces of text --------------------------------------------------------------------------

/** `2026-01-15 13:00:00 UTC`: the exact instant, as the header's own dates are in UTC. */
function formatTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

function formatDays(seconds: number): Msg {
  const days = seconds / 86400;
  return days >= 1 ? plural('sc_days', Math.round(days), Math.round(days)) : plural('sc_seconds', seconds, seconds);
}

function scopeText(cookie: Cookie): Msg {
  return cookie.hostOnly
    ? msg('sc_scope_host', cookie.domain, cookie.path)
    : msg('sc_scope_domain', cookie.domain.slice(1), cookie.path);
}

/** How messages name the cookie: `"sid"`, or `the nameless cookie "value"`. */
export function cookieLabel(name: string, value: string): Msg {
  return name === '' ? msg('sc_nameless_cookie', value) : msg('sc_quoted', name);
}

const CONTROL_NAMES: Record<number, Msg> = {
  0: msg('sc_control_0'),
  9: msg('sc_control_9'),
  10: msg('sc_control_10'),
  13: msg('sc_control_13'),
  127: msg('sc_control_127'),
};

/** Names a control character, e.g. `line feed (0x0a)`. */
export function controlName(code: number): Msg {
  return msg(
    'sc_control_code',
    CONTROL_NAMES[code] ?? msg('sc_control_other'),
    `0x${code.toString(16).padStart(2, '0')}`,
  );
}

/** The change that meets one prefix requirement listed by prefixViolations(); `first` starts a sentence. */
function fixFor(requirement: string, first: boolean): Msg {
  if (requirement === 'no Domain attribute') return msg(first ? 'sc_fix_remove_domain_first' : 'sc_fix_remove_domain');
  if (requirement === 'Path=/') return msg(first ? 'sc_fix_path_first' : 'sc_fix_path');
  if (requirement === 'a secure origin (https)') return msg(first ? 'sc_fix_https_first' : 'sc_fix_https');
  return msg(first ? 'sc_fix_add_first' : 'sc_fix_add', requirement);
}

/** A requirement as the sentence names it: attributes as written, the rest worded. */
function requirementText(requirement: string): MsgArg {
  if (requirement === 'no Domain attribute') return msg('prefix_req_no_domain');
  if (requirement === 'a secure origin (https)') return msg('prefix_req_secure_origin');
  return requirement;
}

/** `a`, `a and b`, `a, b and c`, in the reader's language. */
function listText(items: readonly MsgArg[]): MsgArg {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1).reduce((list, item) => msg('list_comma', list, item));
  return msg('list_and', head, items[items.length - 1] ?? '');
}

// --- Rejections, in the order the checks run -------------------------------------------------------

const REJECTED = {
  /** `control`: controlName(); `tabWhere`: where a refused tab is (sc_where_*). */
  'control-characters': (control: MsgArg, tabWhere?: Msg) => ({
    message: tabWhere ? msg('sc_rej_control_tab', control, tabWhere) : msg('sc_rej_control', control),
    hint: msg('sc_rej_control_hint'),
  }),
  empty: () => ({ message: msg('sc_rej_empty'), hint: msg('sc_rej_empty_hint') }),
  'too-large': (who: MsgArg, bytes: number, limit: number) => ({
    message: msg('sc_rej_too_large', who, bytes, limit),
    hint: msg('sc_rej_too_large_hint'),
  }),
  'nameless-with-equals': (who: MsgArg, browser: BrowserName = 'firefox', valueHasEquals = true) => ({
    message:
      browser === 'chrome'
        ? msg('sc_rej_nameless_equals_chrome', who)
        : valueHasEquals
          ? msg('sc_rej_nameless_equals_firefox', who)
          : msg('sc_rej_nameless_equals_firefox_any', who),
    hint: msg('sc_rej_nameless_equals_hint'),
  }),
  'nameless-prefix': (who: MsgArg, prefix: string) => ({
    message: msg('sc_rej_nameless_prefix', who, prefix),
    hint: msg('sc_rej_nameless_prefix_hint'),
  }),
  'non-ascii-domain': (who: MsgArg, domain: string, ascii: string | undefined) => ({
    message: msg('sc_rej_non_ascii_domain', who, domain),
    hint: ascii ? msg('sc_rej_non_ascii_domain_hint', ascii) : msg('sc_rej_non_ascii_domain_hint_any'),
  }),
  'domain-public-suffix': (who: MsgArg, domain: string, host: string, site: string) => ({
    message: msg('sc_rej_public_suffix', who, domain),
    hint: msg('sc_rej_public_suffix_hint', site, host),
  }),
  'domain-mismatch': (who: MsgArg, domain: string, host: string, site: string) => ({
    message: msg('sc_rej_domain_mismatch', who, domain, host),
    hint:
      site === host
        ? msg('sc_rej_domain_mismatch_hint_host', host)
        : msg('sc_rej_domain_mismatch_hint_site', host, site),
  }),
  'secure-from-insecure-origin': (who: MsgArg, origin: string) => ({
    message: msg('sc_rej_secure_insecure', who, origin),
    hint: msg('sc_rej_secure_insecure_hint'),
  }),
  'httponly-from-script': (who: MsgArg) => ({
    message: msg('sc_rej_httponly_script', who),
    hint: msg('sc_rej_httponly_script_hint'),
  }),
  'samesite-none-insecure': (who: MsgArg, browser: BrowserName) => ({
    message: msg(browser === 'firefox' ? 'sc_rej_none_insecure_firefox' : 'sc_rej_none_insecure_chrome', who),
    hint: msg('sc_rej_none_insecure_hint'),
  }),
  'partitioned-insecure': (who: MsgArg) => ({
    message: msg('sc_rej_partitioned_insecure', who),
    hint: msg('sc_rej_partitioned_insecure_hint'),
  }),
  /** `sameSite`: the SameSite as written, or undefined when the header has no valid one (Chrome's Lax by default). */
  'samesite-cross-site': (who: MsgArg, sameSite: string | undefined, topSite: string) => ({
    message: sameSite
      ? msg('sc_rej_cross_site', who, sameSite, topSite)
      : msg('sc_rej_cross_site_default', who, topSite),
    hint: msg('sc_rej_cross_site_hint'),
  }),
  'third-party-blocked': (who: MsgArg, topSite: string) => ({
    message: msg('sc_rej_third_party', who, topSite),
    hint: msg('sc_rej_third_party_hint'),
  }),
  /** `caseOnly`: the name has the prefix only when compared case-insensitively. */
  'invalid-prefix': (who: MsgArg, name: string, prefix: string, missing: readonly string[], caseOnly: boolean) => ({
    message: caseOnly
      ? msg('sc_rej_prefix_case', who, prefix, listText(missing.map(requirementText)), name)
      : msg('sc_rej_prefix', who, prefix, listText(missing.map(requirementText))),
    hint: msg('sc_rej_prefix_hint', listText(missing.map((m, i) => fixFor(m, i === 0)))),
  }),
  'overwrite-secure': (who: MsgArg, shadowed: Cookie) => ({
    message: msg('sc_rej_overwrite_secure', who, scopeText(shadowed)),
    hint: msg('sc_rej_overwrite_secure_hint'),
  }),
  'overwrite-httponly': (who: MsgArg) => ({
    message: msg('sc_rej_overwrite_httponly', who),
    hint: msg('sc_rej_overwrite_httponly_hint'),
  }),
} satisfies Record<RejectReason, (...args: never[]) => { message: Msg; hint: Msg }>;

type Said = typeof REJECTED;

/** The rejection for `reason`, worded from the details its sentence needs. */
export function rejected<R extends RejectReason>(reason: R, ...details: Parameters<Said[R]>): Rejection {
  const say = REJECTED[reason] as (...args: Parameters<Said[R]>) => { message: Msg; hint: Msg };
  return { reason, ...say(...details) };
}

// --- Notes: what only the header shows --------------------------------------------------------------

export const NOTE = {
  // Parser notes.
  controlCharacters: (control: MsgArg, where: 'the name or value' | 'an attribute') =>
    msg('sc_note_control', control, msg(where === 'an attribute' ? 'sc_where_attribute' : 'sc_where_name_or_value')),
  namelessNoEquals: (value: string) => msg('sc_note_nameless_no_equals', value),
  namelessEmptyName: (value: string) => msg('sc_note_nameless_empty_name', value),
  unknownAttribute: (name: string) => msg('sc_note_unknown_attribute', name),
  attributeTooLong: (attribute: string, bytes: number, limit: number) =>
    msg('sc_note_attribute_too_long', attribute, bytes, limit),
  /** `lastValue`: the value of the one that wins, for attributes that have one. */
  duplicateAttribute: (attribute: string, count: number, lastValue: string | undefined) =>
    lastValue === undefined
      ? msg('sc_note_duplicate', attribute, count)
      : msg('sc_note_duplicate_value', attribute, count, lastValue || msg('sc_empty')),
  expiresUnparseable: (value: string) => msg('sc_note_expires_unparseable', value),
  maxAgeInvalid: (value: string) => msg('sc_note_max_age_invalid', value),
  domainLeadingDot: (value: string, domain: string) => msg('sc_note_domain_leading_dot', value, domain),
  domainEmpty: () => msg('sc_note_domain_empty'),
  pathInvalid: (value: string) => msg('sc_note_path_invalid', value),
  sameSiteInvalid: (value: string) => msg('sc_note_samesite_invalid', value),

  // Explainer notes.
  domainPublicSuffixHost: (host: string) => msg('sc_note_public_suffix_host', host),
  maxAgeOverridesExpires: () => msg('sc_note_max_age_overrides'),
  /** `maxAge` when the lifetime came from Max-Age, else `expires` (ms) from Expires; `until`: the capped expiry. */
  lifetimeCapped: (asked: { maxAge: number } | { expires: number }, until: number) =>
    'maxAge' in asked
      ? msg('sc_note_capped_max_age', asked.maxAge, formatDays(asked.maxAge), formatTime(until))
      : msg('sc_note_capped_expires', formatTime(asked.expires), formatTime(until)),
  expiresInPast: (maxAge: number | undefined, expiry: number) =>
    maxAge !== undefined ? msg('sc_note_max_age_deletes', maxAge) : msg('sc_note_expires_past', formatTime(expiry)),
  expiresNearEpoch: (expiry: number, seconds: number) => msg('sc_note_near_epoch', formatTime(expiry), seconds),
};

// --- Verdicts ---------------------------------------------------------------------------------------

export const VERDICT = {
  /** Why a header deletes: `maxAge` when it has one, else its (past) expiry in ms. */
  deletedBecause: (maxAge: number | undefined, expiry: number) =>
    maxAge !== undefined ? msg('sc_why_max_age', maxAge) : msg('sc_why_expired', formatTime(expiry)),
  epochMistakeHint: (seconds: number) => msg('sc_epoch_hint', seconds),
  deletesExisting: (who: MsgArg, existing: Cookie, why: Msg) =>
    msg('sc_deletes_existing', who, scopeText(existing), why),
  deletedOnArrival: (who: MsgArg, why: Msg) => msg('sc_deleted_on_arrival', who, why),
  /** `expiry` in ms, undefined for a session cookie. */
  lifetime: (expiry: number | undefined) =>
    expiry === undefined ? msg('sc_lifetime_session') : msg('sc_lifetime_until', formatTime(expiry)),
  replaces: (who: MsgArg, cookie: Cookie, lifetime: Msg) => msg('sc_replaces', who, scopeText(cookie), lifetime),
  stores: (who: MsgArg, cookie: Cookie, lifetime: Msg) => msg('sc_stores', who, scopeText(cookie), lifetime),
};
