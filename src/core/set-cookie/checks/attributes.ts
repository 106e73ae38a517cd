/** Secure, HttpOnly, SameSite and Partitioned: who may set them, and with what. */
import { isCrossSite, siteOf } from '../../site';
import { rejected } from '../wording';
import type { Check } from './context';

export const attributes: Check = ({ parsed, url, secureOrigin, fromScript, browser, requestUrl, topLevel, who }) => {
  if (parsed.secure && !secureOrigin) {
    return rejected('secure-from-insecure-origin', who, `${url.protocol}//${url.host}`);
  }
  if (parsed.httpOnly && fromScript) return rejected('httponly-from-script', who);
  // Chromium refuses Partitioned without Secure before it looks at SameSite (and says nothing about it).
  if (parsed.partitioned && !parsed.secure) return rejected('partitioned-insecure', who);
  if (parsed.sameSite === 'none' && !parsed.secure) return rejected('samesite-none-insecure', who, browser);
  // Without a valid SameSite, Chrome applies Lax; Firefox does not (network.cookie.sameSite.laxByDefault).
  const effectiveSameSite = parsed.sameSite ?? (browser === 'chrome' ? 'lax' : 'none');
  if (effectiveSameSite !== 'none' && isCrossSite(requestUrl, topLevel, browser)) {
    const stated = parsed.sameSite ? (parsed.sameSiteRaw ?? parsed.sameSite) : undefined;
    return rejected('samesite-cross-site', who, stated, siteOf(topLevel).site);
  }
  return undefined;
};
