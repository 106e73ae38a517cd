/** The Set-Cookie header that would create a cookie: for explaining edits and for "copy as header". */
import type { Cookie } from '../model/cookie';

const SAME_SITE_TEXT = { none: 'None', lax: 'Lax', strict: 'Strict' } as const;

export function toSetCookie(cookie: Cookie): string {
  const parts = [`${cookie.name}=${cookie.value}`];
  if (!cookie.hostOnly) parts.push(`Domain=${cookie.domain.replace(/^\./, '')}`);
  parts.push(`Path=${cookie.path}`);
  if (!cookie.session && cookie.expirationDate !== undefined) {
    parts.push(`Expires=${new Date(Math.floor(cookie.expirationDate) * 1000).toUTCString()}`);
  }
  if (cookie.secure) parts.push('Secure');
  if (cookie.httpOnly) parts.push('HttpOnly');
  if (cookie.sameSite !== 'unspecified') parts.push(`SameSite=${SAME_SITE_TEXT[cookie.sameSite]}`);
  if (cookie.partitionKey) parts.push('Partitioned');
  return parts.join('; ');
}
