/** Small display helpers shared by the components. Text only: nothing here produces HTML. */
import { plural } from '../i18n/msg';
import type { Cookie } from '../model/cookie';
import { SAME_SITE_ATTRIBUTE } from '../model/same-site';
import { num, t } from './i18n';

export function flagList(cookie: Pick<Cookie, 'secure' | 'httpOnly' | 'sameSite' | 'hostOnly'>): string[] {
  const flags: string[] = [];
  if (cookie.secure) flags.push('Secure');
  if (cookie.httpOnly) flags.push('HttpOnly');
  if (cookie.sameSite !== 'unspecified') flags.push(`SameSite=${SAME_SITE_ATTRIBUTE[cookie.sameSite]}`);
  if (cookie.hostOnly) flags.push(t('host_only'));
  return flags;
}

/** "1 cookie", "2 cookies". */
export function cookieCount(count: number): string {
  return t(plural('n_cookies', count, num(count)));
}
