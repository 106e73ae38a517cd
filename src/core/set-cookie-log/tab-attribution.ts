/**
 * Header or script, and whose: which header caused a cookie change, and which tabs a cookie that
 * came without a header belongs to.
 */
import { type Cookie, hostOfDomain } from '../../model/cookie';
import { parseSetCookie } from '../set-cookie/index';
import { domainMatches, hostOf, registrableDomain } from '../site';
import type { CookieChange } from './replay-jar';

/** How long after a header a cookie change still counts as that header's doing. */
export const HEADER_WINDOW_MS = 2_000;

/** A header seen in a response, waiting for the cookie change it causes. */
export interface PendingHeader {
  entryId?: number;
  tabId: number;
  name: string;
  /** Bare domain the cookie goes to: the Domain attribute, else the request host. */
  domain: string;
  time: number;
  /** The cookie change the header caused, once seen. */
  observed?: Cookie;
}

/** What each header of a response will touch, known at once from a parse (before the async explain). */
export function pendingFor(
  headers: readonly string[],
  requestUrl: string,
  tabId: number,
  time: number,
): PendingHeader[] {
  const host = hostOf(requestUrl);
  return headers.map((header) => {
    const parsed = parseSetCookie(header);
    return { tabId, name: parsed.name, domain: parsed.domain ? parsed.domain : host, time };
  });
}

/**
 * The pending header that explains this cookie change, if any: same name and domain (IPv6 brackets,
 * case and a leading dot aside), recent enough. Of several, the oldest that has not seen its cookie
 * yet, else the newest (two responses setting the same cookie in a row).
 */
export function matchPending(
  pending: readonly PendingHeader[],
  cookie: Cookie,
  now: number,
): PendingHeader | undefined {
  const domain = hostOfDomain(cookie.domain);
  const fresh = pending.filter(
    (p) => p.name === cookie.name && hostOfDomain(p.domain) === domain && now - p.time <= HEADER_WINDOW_MS,
  );
  return fresh.find((p) => !p.observed) ?? fresh.at(-1);
}

/**
 * Changes that arrived before the header that caused them (Firefox reports the stored cookie before
 * `onHeadersReceived`): each expected header claims the oldest unclaimed, recent, matching addition.
 * Returns the change number to roll the jar back from, so the header is explained against the jar
 * as it was before its own cookie landed.
 */
export function claimEarlierChanges(
  changes: readonly CookieChange[],
  expected: readonly PendingHeader[],
  now: number,
  since: number,
): number {
  let from = since;
  for (const header of expected) {
    const change = changes.find(
      (c) =>
        !c.claimed &&
        !c.removed &&
        c.cause === 'explicit' &&
        now - c.time <= HEADER_WINDOW_MS &&
        c.cookie.name === header.name &&
        hostOfDomain(c.cookie.domain) === hostOfDomain(header.domain),
    );
    if (!change) continue;
    change.claimed = true;
    header.observed = change.cookie;
    from = Math.min(from, change.seq);
  }
  return from;
}

/** A tab as the log sees it: its page and the frames in it. */
export interface TabView {
  tabId: number;
  url: string;
  frameUrls: readonly string[];
  /** The tab's cookie store (container, private or incognito store); a cookie of another store is not its. */
  storeId?: string;
}

/**
 * The tabs a script-set cookie belongs to: tabs whose page is on the cookie's site, or that embed a
 * frame on the cookie's host (a partitioned cookie only for the tab whose top-level site is its partition).
 */
export function tabsForCookie(cookie: Cookie, tabs: readonly TabView[]): number[] {
  const domain = hostOfDomain(cookie.domain);
  const site = registrableDomain(domain);
  const partitionSite = cookie.partitionKey ? registrableDomain(hostOf(cookie.partitionKey.topLevelSite)) : undefined;
  const applies = (url: string) => {
    const host = hostOf(url);
    return host !== '' && (cookie.hostOnly ? host === domain : domainMatches(host, domain));
  };
  return tabs
    .filter((tab) => {
      if (tab.storeId !== undefined && tab.storeId !== cookie.storeId) return false;
      const topHost = hostOf(tab.url);
      if (partitionSite !== undefined && registrableDomain(topHost) !== partitionSite) return false;
      if (registrableDomain(topHost) === site && partitionSite === undefined) return true;
      return applies(tab.url) || tab.frameUrls.some(applies);
    })
    .map((tab) => tab.tabId);
}
