/**
 * The only module in Cookie Lens that calls the browser's `cookies` API. It translates between the
 * browser's cookie objects and the normalized Cookie model, and hides where Chrome and Firefox differ.
 */
import browser, { type Cookies } from 'webextension-polyfill';
import type { Cookie, SameSite } from '../model/cookie';

const SAME_SITE_FROM_BROWSER: Record<Cookies.SameSiteStatus, SameSite> = {
  no_restriction: 'none',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};

export function fromBrowserCookie(c: Cookies.Cookie): Cookie {
  const cookie: Cookie = {
    name: c.name,
    value: c.value,
    domain: c.domain,
    hostOnly: c.hostOnly,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: SAME_SITE_FROM_BROWSER[c.sameSite] ?? 'unspecified',
    session: c.session,
    storeId: c.storeId,
  };
  if (!c.session && c.expirationDate !== undefined) cookie.expirationDate = c.expirationDate;
  if (c.partitionKey?.topLevelSite) {
    cookie.partitionKey = { topLevelSite: c.partitionKey.topLevelSite };
    if (c.partitionKey.hasCrossSiteAncestor !== undefined) {
      cookie.partitionKey.hasCrossSiteAncestor = c.partitionKey.hasCrossSiteAncestor;
    }
  }
  if (c.firstPartyDomain) cookie.firstPartyDomain = c.firstPartyDomain;
  return cookie;
}

/** Firefox only: `firstPartyDomain: null` asks for cookies whatever their first-party domain. */
const isFirefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

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

/** The cookie store a tab uses: its container or private store in Firefox, incognito store in Chrome. */
export async function storeIdForTab(tab: { id?: number; cookieStoreId?: string; incognito: boolean }): Promise<string> {
  if (tab.cookieStoreId) return tab.cookieStoreId;
  const stores = await browser.cookies.getAllCookieStores();
  const own = stores.find((s) => tab.id !== undefined && s.tabIds.includes(tab.id));
  if (own) return own.id;
  return tab.incognito ? '1' : '0';
}
