import { msg } from '../../i18n/msg';
import { effectivePrefix, prefixViolations } from '../prefix';
import { commaList, prefixFixes, REF, requirementText, type Rule, sampleCookie } from './rule';

/** A stored `__Http-` / `__Host-Http-` cookie that breaks the prefix's promise. */
export const rule: Rule = {
  id: 'http-prefix-invalid',
  title: msg('r_http_prefix_invalid_title'),
  severities: ['high'],
  explanation: msg('r_http_prefix_invalid_expl'),
  fix: msg('text', 'Secure; HttpOnly'),
  reference: REF.rfc('4.1.3'),
  check({ cookie }) {
    const prefix = effectivePrefix(cookie.name);
    if (prefix !== '__Http-' && prefix !== '__Host-Http-') return null;
    const missing = prefixViolations(cookie.name, cookie);
    if (missing.length === 0) return null;
    return {
      severity: 'high',
      explanation: msg(
        prefix === '__Http-' ? 'r_http_prefix_invalid_expl_http' : 'r_http_prefix_invalid_expl_host_http',
        commaList(missing.map(requirementText)),
      ),
      fix: prefixFixes(missing),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Http-id', value: 'a', httpOnly: false }) },
    passes: { cookie: sampleCookie({ name: '__Http-id', value: 'a' }) },
  },
};
