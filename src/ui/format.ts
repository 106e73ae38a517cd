/** Small display helpers shared by the components. Text only: nothing here produces HTML. */
import type { Cookie } from '../model/cookie';

export function flagList(cookie: Pick<Cookie, 'secure' | 'httpOnly' | 'sameSite' | 'hostOnly'>): string[] {
  const flags: string[] = [];
  if (cookie.secure) flags.push('Secure');
  if (cookie.httpOnly) flags.push('HttpOnly');
  if (cookie.sameSite !== 'unspecified') flags.push(`SameSite=${cookie.sameSite[0]?.toUpperCase()}${cookie.sameSite.slice(1)}`);
  if (cookie.hostOnly) flags.push('Host-only');
  return flags;
}
