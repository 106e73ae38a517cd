/**
 * Protected cookies as the pages see them: which rules cover a cookie (to unprotect it) and the
 * rule that protects exactly one cookie. The rules themselves live in the background. This module
 * reads the public suffix list (large): pages load it with `import()` when the user first
 * protects or unprotects a cookie, never when they open.
 */
import { cookieSite } from '../core/site';
import type { ProtectRule } from '../messages';
import type { Cookie } from '../model/cookie';

/** A rule's name pattern against a cookie name: `*` matches any run of characters, all else itself. */
export function nameMatches(pattern: string, name: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === name;
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  // The middle parts in order, each after the one before (leftmost matches suffice for `*`).
  let at = first.length;
  const end = name.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = name.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/** The rules that protect `cookie`, whose site (registrable domain) is `site`. */
export function rulesCovering(
  rules: readonly ProtectRule[],
  cookie: Pick<Cookie, 'name'>,
  site: string,
): ProtectRule[] {
  return rules.filter((r) => r.site === site && nameMatches(r.name, cookie.name));
}

/** The rule that protects this one cookie by its name. Never its value. */
export function ruleFor(cookie: Pick<Cookie, 'name'>, site: string): ProtectRule {
  return { site, name: cookie.name };
}

/**
 * What Protect (`on`) or Unprotect asks of the background: the rule for this one cookie, or every
 * rule of its site that covers it. Loaded on first use: the public suffix list is large.
 */
export function protectionChange(
  rules: readonly ProtectRule[],
  cookie: Pick<Cookie, 'name' | 'domain'>,
  on: boolean,
): { add: ProtectRule[] } | { remove: ProtectRule[]; site: string } {
  const site = cookieSite(cookie);
  return on ? { add: [ruleFor(cookie, site)] } : { remove: rulesCovering(rules, cookie, site), site };
}
