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
 * - Measured against Chromium 156 and Firefox ESR 153 by test/e2e/set-cookie-truth-*.test.ts
 *   (generated headers, byte for byte): both drop a nameless cookie whose value contains `=` (Chrome
 *   silently); Firefox drops every `=value` and stores a header without `=` as a name with an empty
 *   value; both enforce all four prefixes; Chrome refuses a tab inside the name or value; Domain=localhost
 *   from localhost makes a host-only cookie. See ./checks/ for each rule and its evidence.
 * - Both cap lifetimes at 400 days (Firefox: `network.cookie.maxageCap` = 34560000 s) and both reject
 *   Partitioned without Secure (Firefox: CookieValidation, CHIPS enabled by default).
 */
import type { Msg } from '../../i18n/msg';
import type { Cookie } from '../../model/cookie';
import type { HeaderNote, RejectReason, Verdict } from '../../model/verdict';
import { CHECKS, contextFor, type ExplainOptions, outcome } from './checks/index';
import type { ParsedSetCookie } from './parse';

export type { ExplainOptions } from './checks/index';

export interface Explanation {
  verdict: Verdict;
  reason?: RejectReason;
  /** One or two sentences for a web developer: what the browser does and why (a message the page words). */
  message: Msg;
  /** How to get the intended result, when there is an obvious fix. */
  hint?: Msg;
  /** What is stored, or what is deleted (the existing cookie, else the cookie as it arrived). */
  cookie?: Cookie;
  /** cookieKey() of the cookie this one replaces or deletes. */
  replaces?: string;
  parsed: ParsedSetCookie;
  /** What only the header shows: duplicates, ignored values, capped lifetimes... */
  notes: HeaderNote[];
}

/**
 * Runs the checks in ./checks/ in order (parser refusals, domain, attributes, prefixes, lifetime, effect
 * on the jar); the first that refuses the header decides, else the header stores, replaces or deletes.
 * Throws a TypeError when `requestUrl` is not an absolute URL.
 */
export function explainSetCookie(header: string, requestUrl: string, options: ExplainOptions = {}): Explanation {
  const ctx = contextFor(header, requestUrl, options);
  const { parsed, notes } = ctx;
  for (const check of CHECKS) {
    const rejection = check(ctx);
    if (rejection) return { verdict: 'rejected', ...rejection, parsed, notes };
  }
  return { ...outcome(ctx), parsed, notes };
}
