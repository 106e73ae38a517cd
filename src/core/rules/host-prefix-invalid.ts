import { effectivePrefix, prefixViolations } from '../prefix';
import { prefixFixes, REF, type Rule, sampleCookie } from './rule';

/** A stored `__Host-` cookie that breaks the prefix's promise (possible via the cookies API or old browsers). */
export const rule: Rule = {
  id: 'host-prefix-invalid',
  title: '__Host- cookie without Secure, host-only and Path=/',
  severities: ['high'],
  explanation:
    'The __Host- prefix promises a cookie that is Secure, has no Domain attribute and has Path=/; browsers refuse to set one that is not. Server code that trusts the prefix is wrong about this cookie.',
  fix: 'Secure; Path=/; remove Domain',
  reference: REF.rfc('4.1.3.2'),
  check({ cookie }) {
    if (effectivePrefix(cookie.name) !== '__Host-') return null;
    const missing = prefixViolations(cookie.name, cookie);
    if (missing.length === 0) return null;
    return {
      severity: 'high',
      explanation: `The __Host- prefix promises a cookie that is Secure, has no Domain attribute and has Path=/; browsers refuse to set one that is not. This one lacks: ${missing.join(', ')}. Server code that trusts the prefix is wrong about it.`,
      fix: prefixFixes(missing),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Host-id', value: 'a', path: '/app' }) },
    passes: { cookie: sampleCookie({ name: '__Host-id', value: 'a' }) },
  },
};
