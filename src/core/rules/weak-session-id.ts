import { estimateEntropy, isFlagValue, isJwtShaped, isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

export const MIN_SESSION_ID_BITS = 64;

/** A session-like value with an entropy estimate under 64 bits (JWTs, empty and flag values aside). */
export const rule: Rule = {
  id: 'weak-session-id',
  title: 'Session id is guessable',
  severities: ['medium'],
  explanation:
    'The value of this session cookie is too short or uses too few characters to be unguessable: OWASP asks for at least 64 bits of entropy, so an attacker can try values until one is a live session.',
  fix: 'generate session ids with a cryptographically secure random generator, at least 128 bits (22 base64url characters)',
  reference: REF.owasp('session-id-entropy'),
  check({ cookie }) {
    const v = cookie.value;
    if (v === '' || isFlagValue(v) || isJwtShaped(v) || !isSessionLike(cookie)) return null;
    const { bits, length, alphabet } = estimateEntropy(v);
    if (bits >= MIN_SESSION_ID_BITS) return null;
    return {
      severity: 'medium',
      explanation: `The value of this session cookie has at most about ${Math.floor(bits)} bits of entropy (${length} characters from an alphabet of ${alphabet}); OWASP asks for at least 64 bits, so an attacker can try values until one is a live session.`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '__Host-sid', value: '100234', sameSite: 'strict' }) },
    passes: { cookie: sampleCookie({ name: '__Host-sid', value: 'mL3kJ9hG7fD5sA1qW8eR4t', sameSite: 'strict' }) },
  },
};
