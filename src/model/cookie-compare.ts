/**
 * Comparisons of whole cookies (the same identity, the same state) and the canonical domain they
 * compare by: what the background and the import check need. Apart from cookie.ts, so the pages,
 * whose first load shares cookie.ts with the background, do not load them.
 */
import { bareDomain, type Cookie } from './cookie';

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
