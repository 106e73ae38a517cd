/**
 * Protected cookies: rules of a site and a name pattern, never a value. A rule covers a cookie when
 * the rule's site is the cookie's site (`cookieSite`: its registrable domain, or its host for
 * localhost and IP addresses) and the rule's name matches the cookie's name, where `*` matches any
 * run of characters and every other character stands for itself.
 *
 * A partitioned cookie is covered by rules of its OWN domain's site, not its partition's top-level
 * site: a rule names the cookie the site sets (`sid` of `widget.example`), and protects it in every
 * partition it lives in.
 *
 * Uses tldts (through site.ts): background worker and tests only.
 */
import { isMsg, localNumber, type Msg, msg } from '../i18n/msg';
import type { ProtectRule } from '../messages';
import { type Cookie, cookieKey } from '../model/cookie';
import { namePattern } from './name-pattern';
import { cookieSite, registrableDomain } from './site';

export { namePattern };

/** Longest site a rule may name (a DNS name's limit). */
export const MAX_RULE_SITE = 253;
/** Longest name pattern (a cookie's name and value together are at most 4096 bytes). */
export const MAX_RULE_NAME = 4096;
/** Most rules kept. */
export const MAX_RULES = 1_000;

/** The rules compiled once, by site: one lookup per cookie however many rules there are. */
export function ruleMatcher(rules: readonly ProtectRule[]): (cookie: Pick<Cookie, 'name' | 'domain'>) => boolean {
  const bySite = new Map<string, Array<(name: string) => boolean>>();
  for (const rule of rules) {
    const tests = bySite.get(rule.site) ?? [];
    tests.push(namePattern(rule.name));
    bySite.set(rule.site, tests);
  }
  if (bySite.size === 0) return () => false;
  return (cookie) => {
    const tests = bySite.get(cookieSite(cookie));
    return tests?.some((test) => test(cookie.name)) === true;
  };
}

export function isProtected(cookie: Pick<Cookie, 'name' | 'domain'>, rules: readonly ProtectRule[]): boolean {
  return ruleMatcher(rules)(cookie);
}

/** cookieKey() of each cookie a rule covers, in the cookies' order. */
export function protectedKeys(cookies: readonly Cookie[], rules: readonly ProtectRule[]): string[] {
  if (rules.length === 0) return [];
  const covered = ruleMatcher(rules);
  return cookies.filter(covered).map(cookieKey);
}

/**
 * The own sites of the partitioned cookies listed under `site` that another site set: a rule of
 * `site` does not cover them (sorted; empty when there are none).
 */
export function sitesNotCovered(site: string, cookies: readonly Cookie[]): string[] {
  const others = new Set<string>();
  for (const c of cookies) if (c.partitionKey) others.add(cookieSite(c));
  others.delete(site);
  return [...others].sort();
}

/**
 * The rule that protects this cookie (its site, its name): what "Protect" on a row adds. A `*` in
 * the name stays a wildcard (there is no escape), which still covers the cookie itself.
 */
export function ruleFor(cookie: Pick<Cookie, 'name' | 'domain'>): ProtectRule {
  return { site: cookieSite(cookie), name: cookie.name };
}

const sameRule = (a: ProtectRule, b: ProtectRule) => a.site === b.site && a.name === b.name;

/** Rules without repeats, first one kept. */
export function dedupeRules(rules: readonly ProtectRule[]): ProtectRule[] {
  const seen = new Set<string>();
  const kept: ProtectRule[] = [];
  for (const rule of rules) {
    const key = JSON.stringify([rule.site, rule.name]);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(rule);
  }
  return kept;
}

/** `rules` with `add` added (deduplicated) and `remove` removed. */
export function changeRules(
  rules: readonly ProtectRule[],
  change: { add?: readonly ProtectRule[]; remove?: readonly ProtectRule[] },
): ProtectRule[] {
  const remove = change.remove ?? [];
  return dedupeRules([...rules, ...(change.add ?? [])]).filter((r) => !remove.some((x) => sameRule(r, x)));
}

const describe = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value);

/**
 * One rule read from storage, a backup or a message: a site (lower-cased, leading dot dropped,
 * reduced to its registrable domain so `www.example.com` protects what the site `example.com`
 * holds) and a name pattern. A message saying what is wrong otherwise.
 */
export function readRule(raw: unknown): ProtectRule | Msg {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return msg('fmt_p_not_object');
  const { site, name } = raw as { site?: unknown; name?: unknown };
  if (typeof site !== 'string') return msg('fmt_p_must_string', 'site', describe(site));
  if (typeof name !== 'string') return msg('fmt_p_must_string', 'name', describe(name));
  // As cookieSite() writes it: lower case, no leading dot, an IPv6 address without brackets.
  const host = site
    .trim()
    .toLowerCase()
    .replace(/^\./, '')
    .replace(/^\[(.*)\]$/, '$1');
  if (host === '') return msg('fmt_p_site_empty');
  if (host.length > MAX_RULE_SITE) return msg('fmt_p_too_long', 'site', MAX_RULE_SITE);
  if (/[\s/\\@?#]/.test(host)) return msg('fmt_p_site_domain', describe(site));
  if (name.length > MAX_RULE_NAME) return msg('fmt_p_too_long', 'name', MAX_RULE_NAME);
  if (/[\u0000-\u001f\u007f;=]/.test(name)) return msg('fmt_p_name_chars', describe(name));
  if (name.trim() === '' && name !== '') return msg('fmt_p_name_spaces');
  return { site: registrableDomain(host) || host, name };
}

/**
 * Rules read from storage or a backup: the good ones (deduplicated, at most MAX_RULES), and one
 * error per bad one with its position (`Rule 3: "site" is empty`, as `fmt_p_rule` with the number and
 * the reason).
 */
export function readRules(raw: unknown): { rules: ProtectRule[]; errors: Msg[] } {
  if (raw === undefined || raw === null) return { rules: [], errors: [] };
  if (!Array.isArray(raw)) return { rules: [], errors: [msg('fmt_p_not_list')] };
  const rules: ProtectRule[] = [];
  const errors: Msg[] = [];
  for (const [index, entry] of raw.entries()) {
    const rule = readRule(entry);
    if (isMsg(rule)) errors.push(msg('fmt_p_rule', index + 1, rule));
    else rules.push(rule);
  }
  const kept = dedupeRules(rules);
  if (kept.length > MAX_RULES) errors.push(msg('fmt_p_too_many', localNumber(MAX_RULES)));
  return { rules: kept.slice(0, MAX_RULES), errors };
}
