import { msg } from '../../i18n/msg';
import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A session-like cookie that page scripts can read. */
export const rule: Rule = {
  id: 'missing-httponly-session',
  title: msg('r_missing_httponly_session_title'),
  severities: ['high'],
  explanation: msg('r_missing_httponly_session_expl'),
  fix: msg('text', 'HttpOnly'),
  reference: REF.owasp('httponly-attribute'),
  check({ cookie }) {
    return !cookie.httpOnly && isSessionLike(cookie) ? { severity: 'high' } : null;
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: 'PHPSESSID', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', httpOnly: false }) },
    passes: { cookie: sampleCookie({ name: 'XSRF-TOKEN', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', httpOnly: false }) },
  },
};
