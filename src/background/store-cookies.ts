/**
 * Every cookie of one store, by site, audited: what the manager page lists. A partitioned cookie is
 * grouped under its partition's top-level site (where it is used), every other cookie under its own
 * site (registrable domain, or host for localhost and IP addresses).
 */
import { audit, summarize } from '../core/audit';
import { protectedKeys } from '../core/protect';
import { utf8Length } from '../core/search/filters';
import { cookieSite, isIpAddress, isLoopbackHost, siteOf } from '../core/site';
import type { ProtectRule, StoreCookies, StoreInfo, StoreSiteGroup } from '../messages';
import type { Cookie } from '../model/cookie';
import { getAllInStore } from './cookie-api';
import { browserName } from './platform';
import { getRules } from './protection';
import { storeInfo } from './stores';

/** The site the manager lists a cookie under: its partition's top-level site, or its own. */
export function groupSite(cookie: Cookie): string {
  const top = cookie.partitionKey?.topLevelSite;
  if (top) return siteOf(top).site || top;
  return cookieSite(cookie);
}

/**
 * The page a site's cookies are audited (and a manager edit is checked) as seen from: the site
 * over https, or over http for localhost and IP addresses, where https rarely answers.
 */
export function sitePageUrl(site: string): string {
  const plain = isLoopbackHost(site) || isIpAddress(site);
  const host = site.includes(':') && !site.startsWith('[') ? `[${site}]` : site;
  return `${plain ? 'http' : 'https'}://${host}/`;
}

/** Groups and audits cookies by site, sites in alphabetical order. Pure apart from the clock. */
export function groupBySite(cookies: readonly Cookie[], now = Date.now()): StoreSiteGroup[] {
  const bySite = new Map<string, Cookie[]>();
  for (const c of cookies) {
    const site = groupSite(c);
    const list = bySite.get(site);
    if (list) list.push(c);
    else bySite.set(site, [c]);
  }
  const groups: StoreSiteGroup[] = [];
  for (const [site, list] of bySite) {
    const findings = audit(list, { pageUrl: sitePageUrl(site), now, browser: browserName });
    let bytes = 0;
    for (const c of list) bytes += utf8Length(c.name) + utf8Length(c.value);
    groups.push({ site, cookies: list, findings, summary: summarize(list, findings), bytes });
  }
  return groups.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
}

/** Every cookie of a store, grouped and audited, with the protected ones' keys. */
export async function storeCookies(
  storeId: string,
  options: { store?: StoreInfo; rules?: readonly ProtectRule[]; now?: number } = {},
): Promise<StoreCookies> {
  const [cookies, store, rules] = await Promise.all([
    getAllInStore(storeId),
    options.store ?? storeInfo(storeId),
    options.rules ?? getRules(),
  ]);
  return { store, sites: groupBySite(cookies, options.now), protectedKeys: protectedKeys(cookies, rules) };
}
