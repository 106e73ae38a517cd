import { msg } from '../../i18n/msg';
import { caseInsensitiveOnlyPrefix } from '../prefix';
import { quote, REF, type Rule, sampleCookie } from './rule';

/** A name such as `__host-id`: a prefix in the wrong case. */
export const rule: Rule = {
  id: 'prefix-case',
  title: msg('r_prefix_case_title'),
  severities: ['low'],
  explanation: msg('r_prefix_case_expl'),
  fix: msg('r_prefix_case_fix'),
  reference: REF.rfc('4.1.3'),
  check({ cookie }) {
    const prefix = caseInsensitiveOnlyPrefix(cookie.name);
    if (!prefix) return null;
    const written = quote(cookie.name.slice(0, prefix.length));
    return {
      severity: 'low',
      explanation: msg('r_prefix_case_expl_hit', written, prefix),
      fix: msg('r_prefix_case_fix_hit', quote(prefix + cookie.name.slice(prefix.length))),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__host-id', value: 'a' }) },
    passes: { cookie: sampleCookie({ name: '__Host-id', value: 'a' }) },
  },
};
