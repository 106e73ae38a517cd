/** The Set-Cookie header that would create a cookie: for explaining edits and for "copy as header". */
import { bareDomain, type Cookie } from '../model/cookie';
import { SAME_SITE_ATTRIBUTE } from '../model/same-site';

export function toSetCookie(cookie: Cookie): string {
  const parts = [`${cookie.name}=${cookie.value}`];
  if (!cookie.hostOnly) parts.push(`Domain=${bareDomain(cookie)}`);
  parts.push(`Path=${cookie.path}`);
  if (!cookie.session && cookie.expirationDate !== undefined) {
    parts.push(`Expires=${new Date(Math.floor(cookie.expirationDate) * 1000).toUTCString()}`);
  }
  if (cookie.secure) parts.push('Secure');
  if (cookie.httpOnly) parts.push('HttpOnly');
  if (cookie.sameSite !== 'unspecified') parts.push(`SameSite=${SAME_SITE_ATTRIBUTE[cookie.sameSite]}`);
  if (cookie.partitionKey) parts.push('Partitioned');
  return parts.join('; ');
}
