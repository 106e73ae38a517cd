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
