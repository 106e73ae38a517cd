import { effectivePrefix, prefixViolations } from '../prefix';
import { prefixFixes, REF, type Rule, sampleCookie } from './rule';

/** A stored `__Http-` / `__Host-Http-` cookie that breaks the prefix's promise. */
export const rule: Rule = {
  id: 'http-prefix-invalid',
  title: '__Http- cookie without Secure and HttpOnly',
  severities: ['high'],
  explanation:
    'The __Http- and __Host-Http- prefixes promise a cookie that is Secure and HttpOnly, set by the server and never by a script (__Host-Http- also host-only with Path=/); browsers refuse to set one that is not. Server code that trusts the prefix is wrong about this cookie.',
  fix: 'Secure; HttpOnly',
  reference: REF.rfc('4.1.3'),
  check({ cookie }) {
    const prefix = effectivePrefix(cookie.name);
    if (prefix !== '__Http-' && prefix !== '__Host-Http-') return null;
    const missing = prefixViolations(cookie.name, cookie);
    if (missing.length === 0) return null;
    return {
      severity: 'high',
      explanation: `The ${prefix} prefix promises a cookie set by the server and never by a script; browsers refuse to set one that is not ${prefix === '__Http-' ? 'Secure and HttpOnly' : 'Secure, HttpOnly, host-only and Path=/'}. This one lacks: ${missing.join(', ')}, so it may have been planted by a script or over http:.`,
      fix: prefixFixes(missing),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Http-id', value: 'a', httpOnly: false }) },
    passes: { cookie: sampleCookie({ name: '__Http-id', value: 'a' }) },
  },
};
