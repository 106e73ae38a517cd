import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** SameSite=None (with Secure): sent with every cross-site request. */
export const rule: Rule = {
  id: 'samesite-none',
  title: 'Cookie sent with cross-site requests (SameSite=None)',
  severities: ['medium', 'low'],
  explanation:
    'SameSite=None sends this cookie with requests from any other site, including forms posted to this site from another one. Keep it only for a cookie that must work in cross-site frames or requests.',
  fix: 'SameSite=Lax (or Strict), unless the cookie must be sent cross-site',
  reference: REF.rfc('8.8'),
  check({ cookie }) {
    if (cookie.sameSite !== 'none' || !cookie.secure) return null;
    if (!isSessionLike(cookie)) return { severity: 'low' };
    return {
      severity: 'medium',
      explanation:
        'This looks like a session cookie and SameSite=None sends it with requests from any other site, so a page elsewhere can make requests, form posts included, that arrive logged in (CSRF). Lax or Strict stops that.',
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ sameSite: 'none' }) },
    passes: { cookie: sampleCookie({ sameSite: 'none', secure: false }) },
  },
};
