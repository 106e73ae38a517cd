/**
 * Protect and Unprotect as a row asks them, on the core's rules (`src/core/protect.ts`). This module
 * reads the public suffix list (large): pages load it with `import()` when the user first protects
 * or unprotects a cookie, never when they open.
 */
import { namePattern } from '../core/name-pattern';
import { ruleFor } from '../core/protect';
import { cookieSite } from '../core/site';
import type { ProtectRule } from '../messages';
import type { Cookie } from '../model/cookie';

/** The rules that protect `cookie`: its site's rules whose name pattern matches its name. */
export function rulesCovering(rules: readonly ProtectRule[], cookie: Pick<Cookie, 'name' | 'domain'>): ProtectRule[] {
  const site = cookieSite(cookie);
  return rules.filter((r) => r.site === site && namePattern(r.name)(cookie.name));
}

/**
 * What Protect (`on`) or Unprotect asks of the background: the rule for this one cookie (its site and
 * name, never its value), or every rule that covers it.
 */
export function protectionChange(
  rules: readonly ProtectRule[],
  cookie: Pick<Cookie, 'name' | 'domain'>,
  on: boolean,
): { add: ProtectRule[] } | { remove: ProtectRule[]; site: string } {
  return on ? { add: [ruleFor(cookie)] } : { remove: rulesCovering(rules, cookie), site: cookieSite(cookie) };
}
