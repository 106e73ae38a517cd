import { msg } from '../../i18n/msg';
import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A session-like cookie with SameSite=Lax: still sent on cross-site top-level navigations. */
export const rule: Rule = {
  id: 'samesite-lax-session',
  title: msg('r_samesite_lax_session_title'),
  severities: ['info'],
  explanation: msg('r_samesite_lax_session_expl'),
  fix: msg('r_samesite_lax_session_fix'),
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
