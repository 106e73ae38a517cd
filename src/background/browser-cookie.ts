/** The browser's cookie object as Cookie Lens's Cookie model: one translation, used for reads and events. */
import type { Cookies } from 'webextension-polyfill';
import type { Cookie } from '../model/cookie';
import { SAME_SITE_FROM_BROWSER } from '../model/same-site-convert';

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
