import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A session-like cookie that page scripts can read. */
export const rule: Rule = {
  id: 'missing-httponly-session',
  title: 'Session cookie readable by scripts',
  severities: ['high'],
  explanation:
    'Any script on the page, including one injected through an XSS flaw, can read this session cookie with document.cookie and send it to an attacker, who then uses the session from their own machine. Secure and SameSite do not prevent this: Secure only keeps the cookie off plain http:, SameSite only limits cross-site requests. Only HttpOnly hides the cookie from scripts.',
  fix: 'HttpOnly',
  reference: REF.owasp('httponly-attribute'),
  check({ cookie }) {
    return !cookie.httpOnly && isSessionLike(cookie) ? { severity: 'high' } : null;
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: 'PHPSESSID', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', httpOnly: false }) },
    passes: { cookie: sampleCookie({ name: 'XSRF-TOKEN', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', httpOnly: false }) },
  },
};
