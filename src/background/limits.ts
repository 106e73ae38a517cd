/**
 * The browsers' cookie limits, and what an import would push past them. Chromium keeps at most 180
 * cookies per site (registrable domain) and about 3,000 in all; Firefox 180 per site and 3,000 in
 * all. Past them the browser evicts older cookies, silently.
 */
import { cookieSite } from '../core/site';
import type { EvictionRisk } from '../messages';
import { type Cookie, cookieKey } from '../model/cookie';
import { canonicalDomain } from '../model/cookie-compare';
import { getAllInStore } from './cookie-api';
import { word, wordNumber } from './words';

export const PER_SITE = 180;
export const IN_ALL = 3_000;
/** The most cookies one import may write. */
export const MAX_IMPORT = IN_ALL;

/** Refuses more cookies than one import may write, before any work is done on them. */
export function checkImportSize(count: number, what: 'imported' | 'checked' = 'imported'): void {
  if (count > MAX_IMPORT) {
    const id = what === 'imported' ? 'bg_too_many_imported' : 'bg_too_many_checked';
    throw new Error(word(id, wordNumber(count), wordNumber(MAX_IMPORT)));
  }
}

/** A cookie's identity as the browser keys it (domain written the browser's way). */
export const identity = (c: Cookie) => cookieKey(canonicalDomain(c));

/** Where writing `incoming` would take a site, or the store, past the browser's limit. Linear in both. */
export async function evictionRisks(incoming: readonly Cookie[], storeId: string): Promise<EvictionRisk[]> {
  checkImportSize(incoming.length, 'checked');
  return risksAgainst(await getAllInStore(storeId), incoming);
}

/** Where adding `incoming` to the `stored` cookies would take a site, or the store, past the browser's limit. */
export function risksAgainst(stored: readonly Cookie[], incoming: readonly Cookie[]): EvictionRisk[] {
  const known = new Set(stored.map(identity));
  const fresh = new Map<string, Cookie>();
  for (const c of incoming) if (!known.has(identity(c))) fresh.set(identity(c), c);
  const bySite = new Map<string, { stored: number; adding: number }>();
  const count = (site: string) => bySite.get(site) ?? bySite.set(site, { stored: 0, adding: 0 }).get(site)!;
  for (const c of stored) count(cookieSite(c)).stored++;
  for (const c of fresh.values()) count(cookieSite(c)).adding++;
  const risks: EvictionRisk[] = [];
  for (const [site, n] of bySite) {
    if (n.adding > 0 && n.stored + n.adding > PER_SITE)
      risks.push({ site, stored: n.stored, adding: n.adding, limit: PER_SITE });
  }
  if (stored.length + fresh.size > IN_ALL)
    risks.push({ site: '', stored: stored.length, adding: fresh.size, limit: IN_ALL });
  return risks;
}
