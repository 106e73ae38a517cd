import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A session-like cookie with SameSite=Lax: still sent on cross-site top-level navigations. */
export const rule: Rule = {
  id: 'samesite-lax-session',
  title: 'Session cookie with SameSite=Lax',
  severities: ['info'],
  explanation:
    'Lax still sends the cookie when another site links or redirects here with a top-level GET, so any GET endpoint that changes state remains open to cross-site request forgery. Strict withholds it, at the cost of the first request after following a link from another site arriving logged out.',
  fix: 'SameSite=Strict, or keep Lax and make every state change a POST with a CSRF token',
  reference: REF.rfc('8.8'),
  check({ cookie }) {
    return cookie.sameSite === 'lax' && isSessionLike(cookie) ? { severity: 'info' } : null;
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Host-session', value: 'mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX' }) },
    passes: {
      cookie: sampleCookie({ name: '__Host-session', value: 'mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX', sameSite: 'strict' }),
    },
  },
};
