import { msg } from '../../i18n/msg';
import { effectivePrefix, prefixViolations } from '../prefix';
import { commaList, prefixFixes, REF, requirementText, type Rule, sampleCookie } from './rule';

/** A stored `__Host-` cookie that breaks the prefix's promise (possible via the cookies API or old browsers). */
export const rule: Rule = {
  id: 'host-prefix-invalid',
  title: msg('r_host_prefix_invalid_title'),
  severities: ['high'],
  explanation: msg('r_host_prefix_invalid_expl'),
  fix: msg('text', 'Secure; Path=/; remove Domain'),
  reference: REF.rfc('4.1.3.2'),
  check({ cookie }) {
    if (effectivePrefix(cookie.name) !== '__Host-') return null;
    const missing = prefixViolations(cookie.name, cookie);
    if (missing.length === 0) return null;
    return {
      severity: 'high',
      explanation: msg('r_host_prefix_invalid_expl_hit', commaList(missing.map(requirementText))),
      fix: prefixFixes(missing),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Host-id', value: 'a', path: '/app' }) },
    passes: { cookie: sampleCookie({ name: '__Host-id', value: 'a' }) },
  },
};
