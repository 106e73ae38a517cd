import { effectivePrefix } from '../prefix';
import { REF, type Rule, sampleCookie } from './rule';

/** A stored `__Secure-` cookie without Secure (possible via the cookies API or old browsers). */
export const rule: Rule = {
  id: 'secure-prefix-invalid',
  title: '__Secure- cookie without Secure',
  severities: ['high'],
  explanation:
    'The __Secure- prefix promises a Secure cookie, set from an https: page; browsers refuse to set one without Secure. This one is not Secure, so it may have been planted over http:, and server code that trusts the prefix is wrong about it.',
  fix: 'Secure',
  reference: REF.rfc('4.1.3.1'),
  check({ cookie }) {
    return effectivePrefix(cookie.name) === '__Secure-' && !cookie.secure ? { severity: 'high' } : null;
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Secure-pref', secure: false }) },
    passes: { cookie: sampleCookie({ name: '__Secure-pref' }) },
  },
};
