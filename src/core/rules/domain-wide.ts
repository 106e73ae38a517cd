import { msg } from '../../i18n/msg';
import { bareDomain } from '../../model/cookie';
import { isSessionLike } from '../session-like';
import { quote, REF, type Rule, sampleCookie } from './rule';

/** A domain cookie (Domain attribute set): sent to, and writable by, every subdomain. */
export const rule: Rule = {
  id: 'domain-wide',
  title: msg('r_domain_wide_title'),
  severities: ['medium', 'low'],
  explanation: msg('r_domain_wide_expl'),
  fix: msg('r_domain_wide_fix'),
  reference: REF.rfc('4.1.2.3'),
  check({ cookie }) {
    if (cookie.hostOnly) return null;
    const domain = quote(bareDomain(cookie), 60);
    if (!isSessionLike(cookie)) return { severity: 'low', explanation: msg('r_domain_wide_expl_low', domain) };
    return {
      severity: 'medium',
      explanation: msg('r_domain_wide_expl_session', domain),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ domain: '.example.com', hostOnly: false }) },
    passes: { cookie: sampleCookie() },
  },
};
