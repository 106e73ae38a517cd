/** Which cookies belong to a page: pure, so it is tested without a browser. */
import { cookieKey, type Cookie } from '../model/cookie';
import { domainMatches, hostOf, registrableDomain } from './site';

/**
 * Host-only cookies of the page's host, domain cookies of it and its parent domains, on every path,
 * and partitioned cookies kept under this page's top-level site. Duplicates (same identity) once.
 */
export function cookiesForPage(all: readonly Cookie[], pageUrl: string): Cookie[] {
  const host = hostOf(pageUrl);
  const site = registrableDomain(host);
  const seen = new Set<string>();
  const result: Cookie[] = [];
  for (const cookie of all) {
    const bare = cookie.domain.replace(/^\./, '').toLowerCase();
    const applies = cookie.hostOnly ? bare === host : domainMatches(host, bare);
    const partitionOk = !cookie.partitionKey || registrableDomain(hostOf(cookie.partitionKey.topLevelSite)) === site;
    const key = cookieKey(cookie);
    if (applies && partitionOk && !seen.has(key)) {
      seen.add(key);
      result.push(cookie);
    }
  }
  return result;
}
