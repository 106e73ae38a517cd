/**
 * Every cookie of one store, by site, audited: what the manager page lists. A partitioned cookie is
 * grouped under its partition's top-level site (where it is used), every other cookie under its own
 * site (registrable domain, or host for localhost and IP addresses).
 */
import { audit, summarize } from '../core/audit';
import { protectedKeys, sitesNotCovered } from '../core/protect';
import { utf8Length } from '../core/search/filters';
import { cookieSite, isIpAddress, isLoopbackHost, siteOf } from '../core/site';
import type { ProtectRule, StoreCookies, StoreInfo, StoreSiteGroup } from '../messages';
import { type Cookie, cookieKey } from '../model/cookie';
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

/** How long a site's audit is reused while its cookies stay the same (rules about expiry read the clock). */
export const AUDIT_REUSE_MS = 60_000;

interface Audited {
  signature: string;
  at: number;
  findings: StoreSiteGroup['findings'];
  summary: StoreSiteGroup['summary'];
}

/**
 * The last audit of each site of each store. The manager reloads on every cookie change anywhere,
 * and the audit of ~3,300 cookies takes a few hundred milliseconds; a change usually touches one
 * site, so the other sites' audits are reused while their cookies are exactly as they were.
 */
const audited = new Map<string, Map<string, Audited>>();

/** Everything about a site's cookies an audit reads, in one string. */
function signatureOf(cookies: readonly Cookie[]): string {
  return JSON.stringify(
    cookies.map((c) => [
      cookieKey(c),
      c.value,
      c.hostOnly,
      c.secure,
      c.httpOnly,
      c.sameSite,
      c.session,
      c.expirationDate ?? null,
    ]),
  );
}

/**
 * Groups and audits cookies by site, sites in alphabetical order. With `cacheAs` (a store id), a
 * site whose cookies are unchanged since the last call for that store keeps its audit.
 */
export function groupBySite(cookies: readonly Cookie[], now = Date.now(), cacheAs?: string): StoreSiteGroup[] {
  const bySite = new Map<string, Cookie[]>();
  for (const c of cookies) {
    const site = groupSite(c);
    const list = bySite.get(site);
    if (list) list.push(c);
    else bySite.set(site, [c]);
  }
  const previous = cacheAs === undefined ? undefined : audited.get(cacheAs);
  const next = new Map<string, Audited>();
  const groups: StoreSiteGroup[] = [];
  for (const [site, list] of bySite) {
    const signature = cacheAs === undefined ? '' : signatureOf(list);
    const known = previous?.get(site);
    let result: Audited;
    if (known && known.signature === signature && now - known.at >= 0 && now - known.at < AUDIT_REUSE_MS) {
      result = known;
    } else {
      const findings = audit(list, { pageUrl: sitePageUrl(site), now, browser: browserName });
      result = { signature, at: now, findings, summary: summarize(list, findings) };
    }
    next.set(site, result);
    let bytes = 0;
    for (const c of list) bytes += utf8Length(c.name) + utf8Length(c.value);
    const group: StoreSiteGroup = { site, cookies: list, findings: result.findings, summary: result.summary, bytes };
    const others = sitesNotCovered(site, list);
    if (others.length > 0) group.otherSites = others;
    groups.push(group);
  }
  if (cacheAs !== undefined) audited.set(cacheAs, next);
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
  return { store, sites: groupBySite(cookies, options.now, storeId), protectedKeys: protectedKeys(cookies, rules) };
}
