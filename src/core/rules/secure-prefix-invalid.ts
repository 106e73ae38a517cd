import { msg } from '../../i18n/msg';
import { effectivePrefix } from '../prefix';
import { REF, type Rule, sampleCookie } from './rule';

/** A stored `__Secure-` cookie without Secure (possible via the cookies API or old browsers). */
export const rule: Rule = {
  id: 'secure-prefix-invalid',
  title: msg('r_secure_prefix_invalid_title'),
  severities: ['high'],
  explanation: msg('r_secure_prefix_invalid_expl'),
  fix: msg('text', 'Secure'),
  reference: REF.rfc('4.1.3.1'),
  check({ cookie }) {
    return effectivePrefix(cookie.name) === '__Secure-' && !cookie.secure ? { severity: 'high' } : null;
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Secure-pref', secure: false }) },
    passes: { cookie: sampleCookie({ name: '__Secure-pref' }) },
  },
};
