import { caseInsensitiveOnlyPrefix } from '../prefix';
import { quote, REF, type Rule, sampleCookie } from './rule';

/** A name such as `__host-id`: a prefix in the wrong case. */
export const rule: Rule = {
  id: 'prefix-case',
  title: 'Cookie prefix in the wrong case',
  severities: ['low'],
  explanation:
    'The name starts with a cookie prefix in the wrong case. Browsers following RFC 6265bis enforce the prefix regardless of case, older browsers and server code comparing case-sensitively do not, so the same cookie gets different guarantees in different places.',
  fix: 'rename the cookie with the prefix in its exact case',
  reference: REF.rfc('4.1.3'),
  check({ cookie }) {
    const prefix = caseInsensitiveOnlyPrefix(cookie.name);
    if (!prefix) return null;
    const written = quote(cookie.name.slice(0, prefix.length));
    return {
      severity: 'low',
      explanation: `The name starts with ${written}, which is ${prefix} in the wrong case. Browsers following RFC 6265bis enforce the prefix regardless of case, older browsers and server code comparing case-sensitively do not, so the same cookie gets different guarantees in different places.`,
      fix: `rename to ${quote(prefix + cookie.name.slice(prefix.length))}`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__host-id', value: 'a' }) },
    passes: { cookie: sampleCookie({ name: '__Host-id', value: 'a' }) },
  },
};
