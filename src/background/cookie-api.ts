/**
 * The only module in Cookie Lens that calls the browser's `cookies` API. It translates between the
 * browser's cookie objects and the normalized Cookie model, and hides where Chrome and Firefox differ.
 */
import browser, { type Cookies } from 'webextension-polyfill';
import { bareDomain, type Cookie } from '../model/cookie';
import { sameIdentity } from '../model/cookie-compare';
import { SAME_SITE_TO_BROWSER } from '../model/same-site-convert';
import { fromBrowserCookie } from './browser-cookie';
import { browserName } from './platform';

/** Firefox only: `firstPartyDomain: null` asks for cookies whatever their first-party domain. */
const isFirefox = browserName === 'firefox';

/**
 * Every cookie whose domain is `domain` or below it, in one store, partitioned and unpartitioned.
 * `partitionKey: {}` asks for all partitions; a browser that does not know the key gets the plain query.
 */
export async function getAllUnder(domain: string, storeId: string): Promise<Cookie[]> {
  const base: Cookies.GetAllDetailsType = { domain, storeId };
  if (isFirefox) (base as { firstPartyDomain?: string | null }).firstPartyDomain = null;
  let found: Cookies.Cookie[];
  try {
    found = await browser.cookies.getAll({ ...base, partitionKey: {} });
  } catch {
    found = await browser.cookies.getAll(base);
  }
  return found.map(fromBrowserCookie);
}

/** Every cookie in one store, partitioned and unpartitioned. */
export async function getAllInStore(storeId: string): Promise<Cookie[]> {
  const base: Cookies.GetAllDetailsType = { storeId };
  if (isFirefox) (base as { firstPartyDomain?: string | null }).firstPartyDomain = null;
  try {
    return (await browser.cookies.getAll({ ...base, partitionKey: {} })).map(fromBrowserCookie);
  } catch {
    return (await browser.cookies.getAll(base)).map(fromBrowserCookie);
  }
}

/** The cookie store a tab uses: its container or private store in Firefox, incognito store in Chrome. */
export async function storeIdForTab(tab: { id?: number; cookieStoreId?: string; incognito: boolean }): Promise<string> {
  if (tab.cookieStoreId) return tab.cookieStoreId;
  const stores = await browser.cookies.getAllCookieStores();
  const own = stores.find((s) => tab.id !== undefined && s.tabIds.includes(tab.id));
  if (own) return own.id;
  return tab.incognito ? '1' : '0';
}

/** A URL the cookie belongs to: https for Secure cookies (Chrome refuses Secure over http for real hosts). */
export function urlFor(cookie: Pick<Cookie, 'domain' | 'path' | 'secure'>): string {
  const host = bareDomain(cookie);
  // IPv6: Chrome stores the host with brackets, Firefox without; a URL needs exactly one pair.
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${cookie.secure ? 'https' : 'http'}://${bracketed}${cookie.path.startsWith('/') ? cookie.path : `/${cookie.path}`}`;
}

function partitionDetails(cookie: Cookie): Cookies.PartitionKey | undefined {
  if (!cookie.partitionKey) return undefined;
  const key: Cookies.PartitionKey = { topLevelSite: cookie.partitionKey.topLevelSite };
  if (cookie.partitionKey.hasCrossSiteAncestor !== undefined)
    key.hasCrossSiteAncestor = cookie.partitionKey.hasCrossSiteAncestor;
  return key;
}

export function toSetDetails(cookie: Cookie): Cookies.SetDetailsType {
  const details: Cookies.SetDetailsType = {
    url: urlFor(cookie),
    name: cookie.name,
    value: cookie.value,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: SAME_SITE_TO_BROWSER[cookie.sameSite],
    storeId: cookie.storeId,
  };
  // Host-only is expressed by leaving Domain out; any domain given makes a domain cookie.
  if (!cookie.hostOnly) details.domain = cookie.domain;
  if (!cookie.session && cookie.expirationDate !== undefined) details.expirationDate = cookie.expirationDate;
  const partitionKey = partitionDetails(cookie);
  if (partitionKey) details.partitionKey = partitionKey;
  if (isFirefox && cookie.firstPartyDomain) details.firstPartyDomain = cookie.firstPartyDomain;
  return details;
}

/**
 * The URL at the cookie's own host and path, when a URL names exactly those (a path or host
 * that a URL would encode or rewrite gives undefined: a lookup by that URL could miss the cookie).
 * `getAll` with a `url` asks the cookie store for that host's cookies only, with all-inclusive
 * options (HttpOnly, any SameSite, no third-party blocking: `GetCookieListFromManager` with
 * `CookieOptions::MakeAllInclusive()`), where Chromium's `getAll` without one copies every cookie of
 * the store and filters them (about 55 ms a call at 3,300 cookies, against 1 ms; Firefox's `getAll`
 * by name alone walks the store too, about 28 ms).
 */
export function exactUrl(cookie: Pick<Cookie, 'domain' | 'path'>, secure: boolean): string | undefined {
  const url = urlFor({ domain: cookie.domain, path: cookie.path, secure });
  try {
    const parsed = new URL(url);
    const host = bareDomain(cookie)
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (parsed.pathname !== cookie.path || parsed.hostname.replace(/^\[|\]$/g, '') !== host) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

/** `getAll` for one URL, name and partition (the cookies a request to that URL would get, any SameSite). */
async function getAllAt(url: string, cookie: Cookie): Promise<Cookie[]> {
  const details: Cookies.GetAllDetailsType = { url, name: cookie.name, storeId: cookie.storeId };
  const partitionKey = partitionDetails(cookie);
  if (partitionKey) details.partitionKey = partitionKey;
  if (isFirefox) (details as { firstPartyDomain?: string | null }).firstPartyDomain = cookie.firstPartyDomain ?? '';
  return (await browser.cookies.getAll(details)).map(fromBrowserCookie);
}

/**
 * The stored cookie with exactly this identity, if any. Chromium: looked up by its URL, over https
 * (a Secure cookie is only there) and then over http (where a cookie bound to the http scheme is).
 */
export async function getExact(cookie: Cookie): Promise<Cookie | undefined> {
  // Firefox reads by domain from one host already (about 3 ms a call at 3,300 cookies).
  const secureUrl = isFirefox ? undefined : exactUrl(cookie, true);
  const plainUrl = isFirefox ? undefined : exactUrl(cookie, false);
  if (secureUrl && plainUrl) {
    for (const url of [secureUrl, plainUrl]) {
      const found = (await getAllAt(url, cookie)).find((c) => sameIdentity(cookie, c));
      if (found) return found;
    }
    return undefined;
  }
  const details: Cookies.GetAllDetailsType = {
    name: cookie.name,
    domain: bareDomain(cookie),
    path: cookie.path,
    storeId: cookie.storeId,
  };
  const partitionKey = partitionDetails(cookie);
  if (partitionKey) details.partitionKey = partitionKey;
  if (isFirefox) (details as { firstPartyDomain?: string | null }).firstPartyDomain = cookie.firstPartyDomain ?? '';
  const found = (await browser.cookies.getAll(details)).map(fromBrowserCookie);
  return found.find((c) => sameIdentity(cookie, c));
}

/** Every cookie of this name in the store (all domains, paths and partitions). */
export async function getAllNamed(name: string, storeId: string): Promise<Cookie[]> {
  const details: Cookies.GetAllDetailsType = { name, storeId };
  if (isFirefox) (details as { firstPartyDomain?: string | null }).firstPartyDomain = null;
  try {
    return (await browser.cookies.getAll({ ...details, partitionKey: {} })).map(fromBrowserCookie);
  } catch {
    return (await browser.cookies.getAll(details)).map(fromBrowserCookie);
  }
}

/**
 * The cookies of this name that removing `target` at its URL may take along (Chromium removes every
 * same-name cookie a request to that URL would get; Firefox the first of them), the target among
 * them, by the same query as the removal, so the same cookies. Undefined where no URL names the
 * target exactly: then every cookie of the name is the safe answer.
 */
export async function getAlong(target: Cookie): Promise<Cookie[] | undefined> {
  const url = exactUrl(target, target.secure);
  return url ? getAllAt(url, target) : undefined;
}

/** Writes a cookie. Rejects with the browser's own message when it refuses. */
export async function writeCookie(cookie: Cookie): Promise<void> {
  await browser.cookies.set(toSetDetails(cookie));
}

/** Asks the browser to remove the cookie at this identity's URL (see removeExactly for the traps). */
export async function removeOnce(cookie: Cookie): Promise<void> {
  const details: Cookies.RemoveDetailsType = { url: urlFor(cookie), name: cookie.name, storeId: cookie.storeId };
  const partitionKey = partitionDetails(cookie);
  if (partitionKey) details.partitionKey = partitionKey;
  if (isFirefox && cookie.firstPartyDomain) details.firstPartyDomain = cookie.firstPartyDomain;
  await browser.cookies.remove(details);
}

/**
 * Chromium: removes exactly this cookie by writing it with an expiry in 1970 (the browser then
 * deletes the cookie of that identity and stores nothing). Chromium's `remove` walks every cookie of
 * the store (about 85 ms at 3,300 cookies); a write looks at one site's. Undefined in Firefox, whose
 * `remove` is quick.
 */
export const expireOnce: ((cookie: Cookie) => Promise<void>) | undefined = isFirefox
  ? undefined
  : async (cookie) => {
      await browser.cookies.set(toSetDetails({ ...cookie, session: false, expirationDate: 1 }));
    };
