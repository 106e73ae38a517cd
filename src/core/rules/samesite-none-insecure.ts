import { REF, type Rule, sampleCookie } from './rule';

/** SameSite=None without Secure: refused by current browsers, and sent cross-site over http: where stored. */
export const rule: Rule = {
  id: 'samesite-none-insecure',
  title: 'SameSite=None without Secure',
  severities: ['high'],
  explanation:
    'Current browsers refuse SameSite=None cookies that are not Secure, so setting it fails there; where such a cookie is stored anyway (older browsers, the cookies API) it goes with cross-site requests over plain http:.',
  fix: 'Secure',
  reference: REF.mdn('samesitesamesite-value'),
  check({ cookie }) {
    return cookie.sameSite === 'none' && !cookie.secure ? { severity: 'high' } : null;
  },
  samples: {
    triggers: { cookie: sampleCookie({ sameSite: 'none', secure: false }) },
    passes: { cookie: sampleCookie({ sameSite: 'none' }) },
  },
};
