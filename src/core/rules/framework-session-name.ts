import { msg } from '../../i18n/msg';
import { sessionFramework } from '../session-like';
import { nameOf, REF, type Rule, sampleCookie } from './rule';

/** A framework's default session cookie name, which tells attackers what the site runs. */
export const rule: Rule = {
  id: 'framework-session-name',
  title: msg('r_framework_session_name_title'),
  severities: ['info'],
  explanation: msg('r_framework_session_name_expl'),
  fix: msg('r_framework_session_name_fix'),
  reference: REF.owasp('session-id-name-fingerprinting'),
  check({ cookie }) {
    const framework = sessionFramework(cookie.name);
    if (!framework) return null;
    return {
      severity: 'info',
      explanation: msg('r_framework_session_name_expl_hit', nameOf(cookie), framework),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: 'PHPSESSID', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', sameSite: 'strict' }) },
    passes: { cookie: sampleCookie({ name: '__Host-id', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', sameSite: 'strict' }) },
  },
};
