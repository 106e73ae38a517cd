import { msg } from '../../i18n/msg';
import { REF, type Rule, sampleCookie } from './rule';

/** SameSite=None without Secure: refused by current browsers, and sent cross-site over http: where stored. */
export const rule: Rule = {
  id: 'samesite-none-insecure',
  title: msg('r_samesite_none_insecure_title'),
  severities: ['high'],
  explanation: msg('r_samesite_none_insecure_expl'),
  fix: msg('text', 'Secure'),
  reference: REF.mdn('samesitesamesite-value'),
  check({ cookie }) {
    return cookie.sameSite === 'none' && !cookie.secure ? { severity: 'high' } : null;
  },
  samples: {
    triggers: { cookie: sampleCookie({ sameSite: 'none', secure: false }) },
    passes: { cookie: sampleCookie({ sameSite: 'none' }) },
  },
};
