import { msg } from '../../i18n/msg';
import { nowOf, type Rule, SAMPLE_NOW, sampleCookie } from './rule';

const DAY_MS = 86_400_000;
export const MAX_LIFETIME_DAYS = 400;

/** Expires more than 400 days from now: more than RFC 6265bis lets a browser keep. */
export const rule: Rule = {
  id: 'long-lifetime',
  title: msg('r_long_lifetime_title'),
  severities: ['low'],
  explanation: msg('r_long_lifetime_expl'),
  fix: msg('r_long_lifetime_fix'),
  reference: 'https://developer.chrome.com/blog/cookie-max-age-expires',
  check({ cookie, ctx }) {
    if (cookie.expirationDate === undefined) return null;
    const days = (cookie.expirationDate * 1000 - nowOf(ctx)) / DAY_MS;
    if (!(days > MAX_LIFETIME_DAYS)) return null;
    return {
      severity: 'low',
      explanation: msg('r_long_lifetime_expl_days', Math.round(days)),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ session: false, expirationDate: SAMPLE_NOW / 1000 + 401 * 86_400 }) },
    passes: { cookie: sampleCookie({ session: false, expirationDate: SAMPLE_NOW / 1000 + 399 * 86_400 }) },
  },
};
