/** Which cookies belong to a page: pure, so it is tested without a browser. */
import { type Cookie, cookieKey, hostOfDomain } from '../model/cookie';
import { domainMatches, hostOf, registrableDomain } from './site';

/**
 * Host-only cookies of the page's host, domain cookies of it and its parent domains, on every path,
 * and partitioned cookies kept under this page's top-level site. Duplicates (same identity) once.
 */
export function cookiesForPage(all: readonly Cookie[], pageUrl: string): Cookie[] {
  return cookiesForFrame(all, [pageUrl], pageUrl);
}

/**
 * The cookies a frame on `frameUrls` (one site) sees inside the page `topUrl`: host-only cookies of
 * the frame's hosts and domain cookies of them and their parents, on every path, unpartitioned or
 * partitioned under the page's top-level site. Duplicates (same identity) once. The page itself is
 * the frame `[topUrl]`.
 */
export function cookiesForFrame(all: readonly Cookie[], frameUrls: readonly string[], topUrl: string): Cookie[] {
  const hosts = frameUrls.map(hostOf).filter((h) => h !== '');
  const topSite = registrableDomain(hostOf(topUrl));
  const seen = new Set<string>();
  const result: Cookie[] = [];
  for (const cookie of all) {
    const bare = hostOfDomain(cookie.domain);
    const applies = hosts.some((host) => (cookie.hostOnly ? bare === host : domainMatches(host, bare)));
    const partitionOk = !cookie.partitionKey || registrableDomain(hostOf(cookie.partitionKey.topLevelSite)) === topSite;
    const key = cookieKey(cookie);
    if (applies && partitionOk && !seen.has(key)) {
      seen.add(key);
      result.push(cookie);
    }
  }
  return result;
}

/** The frames of a page grouped by site (http and https only), leaving out the page's own site. */
export function thirdPartySites(topUrl: string, frameUrls: readonly string[]): Map<string, string[]> {
  const topSite = registrableDomain(hostOf(topUrl));
  const sites = new Map<string, string[]>();
  for (const url of frameUrls) {
    const host = hostOf(url);
    if (!host || !/^https?:/.test(url)) continue;
    const site = registrableDomain(host);
    if (site === topSite) continue;
    sites.set(site, [...(sites.get(site) ?? []), url]);
  }
  return sites;
}
