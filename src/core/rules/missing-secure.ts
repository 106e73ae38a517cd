import { msg } from '../../i18n/msg';
import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** Not Secure: the browser also sends the cookie over plain http:. */
export const rule: Rule = {
  id: 'missing-secure',
  title: msg('r_missing_secure_title'),
  severities: ['high', 'low'],
  explanation: msg('r_missing_secure_expl'),
  fix: msg('text', 'Secure'),
  reference: REF.rfc('4.1.2.5'),
  check({ cookie }) {
    if (cookie.secure) return null;
    if (!isSessionLike(cookie)) return { severity: 'low' };
    return {
      severity: 'high',
      explanation: msg('r_missing_secure_expl_session'),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: 'sid', value: 'x4Jd8fQ2pL0zR7vT9wK3mN6bY1cH5gA2', secure: false }) },
    passes: { cookie: sampleCookie({ name: 'sid', value: 'x4Jd8fQ2pL0zR7vT9wK3mN6bY1cH5gA2' }) },
  },
};
