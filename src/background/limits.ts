/**
 * The browsers' cookie limits, and what an import would push past them. Chromium keeps at most 180
 * cookies per site (registrable domain) and about 3,000 in all; Firefox 180 per site and 3,000 in
 * all. Past them the browser evicts older cookies, silently.
 */
import type { EvictionRisk } from '../messages';
import { type Cookie, sameIdentity } from '../model/cookie';
import { getAllInStore } from './cookie-api';
import { siteOfCookie } from './journal';

export const PER_SITE = 180;
export const IN_ALL = 3_000;
/** The most cookies one import may write. */
export const MAX_IMPORT = IN_ALL;

/** Where writing `incoming` would take a site, or the store, past the browser's limit. */
export async function evictionRisks(incoming: readonly Cookie[], storeId: string): Promise<EvictionRisk[]> {
  const stored = await getAllInStore(storeId);
  const fresh = incoming.filter((c, i) => !stored.some((s) => sameIdentity(c, s)) && incoming.findIndex((d) => sameIdentity(c, d)) === i);
  const risks: EvictionRisk[] = [];
  const bySite = new Map<string, { stored: number; adding: number }>();
  for (const c of stored) {
    const site = siteOfCookie(c);
    bySite.set(site, { stored: (bySite.get(site)?.stored ?? 0) + 1, adding: bySite.get(site)?.adding ?? 0 });
  }
  for (const c of fresh) {
    const site = siteOfCookie(c);
    bySite.set(site, { stored: bySite.get(site)?.stored ?? 0, adding: (bySite.get(site)?.adding ?? 0) + 1 });
  }
  for (const [site, { stored: count, adding }] of bySite) {
    if (adding > 0 && count + adding > PER_SITE) risks.push({ site, stored: count, adding, limit: PER_SITE });
  }
  if (stored.length + fresh.length > IN_ALL) risks.push({ site: '', stored: stored.length, adding: fresh.length, limit: IN_ALL });
  return risks;
}
