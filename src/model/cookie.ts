/**
 * The one cookie shape used everywhere in Cookie Lens, whatever browser the cookie came from.
 * Pure data: no browser API here, so rules, formats and components can be tested without one.
 */

import type { SameSite } from './same-site';

export type { SameSite } from './same-site';

/** CHIPS partition (Chrome) or dFPI/state partition (Firefox). */
export interface PartitionKey {
  /** Top-level site the cookie is partitioned under, e.g. `https://example.com`. */
  topLevelSite: string;
  /** Chrome: whether the frame that set it had a cross-site ancestor. */
  hasCrossSiteAncestor?: boolean;
}

export interface Cookie {
  name: string;
  value: string;
  /**
   * As the browser stores it: a host-only cookie has the bare host (`example.com`), a domain
   * cookie a leading dot (`.example.com`).
   */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  /** True when the cookie has no expiry and ends with the browser session. */
  session: boolean;
  /** Seconds since the epoch (may be fractional); absent for session cookies. */
  expirationDate?: number;
  /** The cookie store: `0`/`1` in Chrome (normal/incognito), `firefox-default`, `firefox-container-N`, `firefox-private`. */
  storeId: string;
  partitionKey?: PartitionKey;
  /** Firefox first-party isolation; empty string when not isolated. */
  firstPartyDomain?: string;
}

/** The domain without its leading dot: the host a host-only cookie belongs to, or the domain a domain cookie covers. */
export function bareDomain(cookieOrDomain: Pick<Cookie, 'domain'> | string): string {
  const domain = typeof cookieOrDomain === 'string' ? cookieOrDomain : cookieOrDomain.domain;
  return domain.startsWith('.') ? domain.slice(1) : domain;
}

/** A cookie's domain as a host: no leading dot, lower case, and no brackets (Chrome writes `[::1]`). */
export function hostOfDomain(domain: string): string {
  return bareDomain(domain).replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** A stable text form of a partition key, `''` for an unpartitioned cookie. */
export function partitionText(partitionKey: PartitionKey | undefined): string {
  if (!partitionKey) return '';
  const cross = partitionKey.hasCrossSiteAncestor === undefined ? '' : partitionKey.hasCrossSiteAncestor ? ' (cross-site ancestor)' : '';
  return `${partitionKey.topLevelSite}${cross}`;
}

/**
 * The identity of a cookie: two cookies with the same key are the same cookie to the browser, and
 * writing one replaces the other. Name, domain, path, store, partition and first-party domain, never
 * fewer: keying by name (or name + domain) makes two cookies that differ only in path or partition
 * collapse into one, and edits then delete the wrong one.
 */
export function cookieKey(cookie: Pick<Cookie, 'name' | 'domain' | 'path' | 'storeId' | 'partitionKey' | 'firstPartyDomain'>): string {
  return JSON.stringify([
    cookie.storeId,
    cookie.partitionKey?.topLevelSite ?? '',
    cookie.partitionKey?.hasCrossSiteAncestor ?? null,
    cookie.firstPartyDomain ?? '',
    cookie.domain.toLowerCase(),
    cookie.path,
    cookie.name,
  ]);
}

/** Size the browsers count against the 4096-byte limit: name plus value, in UTF-8 bytes. */
export function cookieSize(cookie: Pick<Cookie, 'name' | 'value'>): number {
  return new TextEncoder().encode(cookie.name + cookie.value).length;
}

/**
 * The same domain and host-only flag, written the way browsers store them: a bare host for a
 * host-only cookie, a leading dot for a domain cookie, lower case.
 */
export function canonicalDomain<T extends Pick<Cookie, 'domain' | 'hostOnly'>>(cookie: T): T {
  const bare = bareDomain(cookie).toLowerCase();
  return { ...cookie, domain: cookie.hostOnly ? bare : `.${bare}` };
}

/**
 * Whether `stored` is the cookie `requested` asked for. Like comparing cookieKey(), but a detail
 * the request left open (Chrome's `hasCrossSiteAncestor`, which it fills in itself) matches anything.
 */
export function sameIdentity(requested: Cookie, stored: Cookie): boolean {
  const a = canonicalDomain(requested);
  const b = canonicalDomain(stored);
  if (a.name !== b.name || a.path !== b.path || a.domain !== b.domain || a.storeId !== b.storeId) return false;
  if ((a.firstPartyDomain ?? '') !== (b.firstPartyDomain ?? '')) return false;
  if (!a.partitionKey || !b.partitionKey) return !a.partitionKey && !b.partitionKey;
  if (a.partitionKey.topLevelSite !== b.partitionKey.topLevelSite) return false;
  const ancestor = a.partitionKey.hasCrossSiteAncestor;
  return ancestor === undefined || ancestor === b.partitionKey.hasCrossSiteAncestor;
}

/** Whether two cookies of one identity hold the same state: value, flags and expiry (to the second). */
export function sameState(a: Cookie, b: Cookie): boolean {
  const expiry = (c: Cookie) => (c.session || c.expirationDate === undefined ? null : Math.round(c.expirationDate));
  return (
    a.value === b.value &&
    a.secure === b.secure &&
    a.httpOnly === b.httpOnly &&
    a.sameSite === b.sameSite &&
    a.session === b.session &&
    expiry(a) === expiry(b)
  );
}
