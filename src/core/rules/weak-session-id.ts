import { msg } from '../../i18n/msg';
import { estimateEntropy, isFlagValue, isJwtShaped, isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

export const MIN_SESSION_ID_BITS = 64;

/** A session-like value with an entropy estimate under 64 bits (JWTs, empty and flag values aside). */
export const rule: Rule = {
  id: 'weak-session-id',
  title: msg('r_weak_session_id_title'),
  severities: ['medium'],
  explanation: msg('r_weak_session_id_expl'),
  fix: msg('r_weak_session_id_fix'),
  reference: REF.owasp('session-id-entropy'),
  check({ cookie }) {
    const v = cookie.value;
    if (v === '' || isFlagValue(v) || isJwtShaped(v) || !isSessionLike(cookie)) return null;
    const { bits, length, alphabet } = estimateEntropy(v);
    if (bits >= MIN_SESSION_ID_BITS) return null;
    return {
      severity: 'medium',
      explanation: msg('r_weak_session_id_expl_hit', Math.floor(bits), length, alphabet),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Host-sid', value: '100234', sameSite: 'strict' }) },
    passes: { cookie: sampleCookie({ name: '__Host-sid', value: 'mL3kJ9hG7fD5sA1qW8eR4t', sameSite: 'strict' }) },
  },
};
