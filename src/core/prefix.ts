/**
 * Cookie name prefixes (RFC 6265bis §4.1.3): what each requires. Shared by the audit rules and the
 * Set-Cookie explainer so both agree on what the browser refuses.
 */
import type { BrowserName } from './types';

export type CookiePrefix = '__Host-Http-' | '__Http-' | '__Host-' | '__Secure-';

/** Longest first, so `__Host-Http-` wins over `__Host-`. */
const PREFIXES: readonly CookiePrefix[] = ['__Host-Http-', '__Http-', '__Host-', '__Secure-'];

/** The prefix the name starts with, matched case-sensitively. */
export function exactPrefix(name: string): CookiePrefix | undefined {
  return PREFIXES.find((p) => name.startsWith(p));
}

/** A prefix the name matches only when case is ignored (`__host-id`): browsers apply it anyway since 6265bis. */
export function caseInsensitiveOnlyPrefix(name: string): CookiePrefix | undefined {
  if (exactPrefix(name)) return undefined;
  const lower = name.toLowerCase();
  return PREFIXES.find((p) => lower.startsWith(p.toLowerCase()));
}

/** The prefix the browser applies (6265bis matches case-insensitively). */
export function effectivePrefix(name: string): CookiePrefix | undefined {
  return exactPrefix(name) ?? caseInsensitiveOnlyPrefix(name);
}

/**
 * The prefix a browser applies. Chromium 156 and Firefox ESR 153 both know all four, case-insensitively
 * (measured by test/e2e/set-cookie-truth-*.test.ts: Firefox refuses `__Http-id=v` without
 * Secure and HttpOnly, and stores it with them). Kept per browser so a difference has one place to go.
 */
export function browserPrefix(name: string, _browser: BrowserName): CookiePrefix | undefined {
  return effectivePrefix(name);
}

export interface PrefixAttributes {
  secure: boolean;
  httpOnly: boolean;
  hostOnly: boolean;
  path: string;
}

/** What the prefix needs that the cookie lacks; empty when the prefix rules are met or there is no prefix. */
export function prefixViolations(name: string, a: PrefixAttributes): string[] {
  const prefix = effectivePrefix(name);
  if (!prefix) return [];
  const missing: string[] = [];
  if (!a.secure) missing.push('Secure');
  if ((prefix === '__Host-' || prefix === '__Host-Http-') && !a.hostOnly) missing.push('no Domain attribute');
  if ((prefix === '__Host-' || prefix === '__Host-Http-') && a.path !== '/') missing.push('Path=/');
  if ((prefix === '__Http-' || prefix === '__Host-Http-') && !a.httpOnly) missing.push('HttpOnly');
  return missing;
}
