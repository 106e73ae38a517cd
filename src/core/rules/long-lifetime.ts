import { nowOf, type Rule, SAMPLE_NOW, sampleCookie } from './rule';

const DAY_MS = 86_400_000;
export const MAX_LIFETIME_DAYS = 400;

/** Expires more than 400 days from now: more than RFC 6265bis lets a browser keep. */
export const rule: Rule = {
  id: 'long-lifetime',
  title: 'Cookie expires more than 400 days from now',
  severities: ['low'],
  explanation:
    'RFC 6265bis caps cookie lifetimes at 400 days and Chrome enforces it, so the cookie will not live as long as asked in every browser; long-lived identifiers are also easier to steal and to track people with.',
  fix: 'Max-Age=34560000 (400 days) or less',
  reference: 'https://developer.chrome.com/blog/cookie-max-age-expires',
  check({ cookie, ctx }) {
    if (cookie.expirationDate === undefined) return null;
    const days = (cookie.expirationDate * 1000 - nowOf(ctx)) / DAY_MS;
    if (!(days > MAX_LIFETIME_DAYS)) return null;
    return {
      severity: 'low',
      explanation: `The cookie expires in ${Math.round(days)} days. RFC 6265bis caps cookie lifetimes at 400 days and Chrome enforces it, so it will not live as long as asked in every browser; long-lived identifiers are also easier to steal and to track people with.`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ session: false, expirationDate: SAMPLE_NOW / 1000 + 401 * 86_400 }) },
    passes: { cookie: sampleCookie({ session: false, expirationDate: SAMPLE_NOW / 1000 + 399 * 86_400 }) },
  },
};
