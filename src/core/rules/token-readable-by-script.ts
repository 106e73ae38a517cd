import { msg } from '../../i18n/msg';
import { estimateEntropyBits, isAntiCsrf, isJwtShaped, isLongRandomToken } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A bearer token (JWT or long random value) that page scripts can read. */
export const rule: Rule = {
  id: 'token-readable-by-script',
  title: msg('r_token_readable_by_script_title'),
  severities: ['high'],
  explanation: msg('r_token_readable_by_script_expl'),
  fix: msg('text', 'HttpOnly'),
  reference: REF.owasp('httponly-attribute'),
  check({ cookie }) {
    if (cookie.httpOnly || isAntiCsrf(cookie)) return null;
    if (isJwtShaped(cookie.value)) {
      return {
        severity: 'high',
        explanation: msg('r_token_readable_by_script_expl_jwt'),
      };
    }
    if (!isLongRandomToken(cookie.value)) return null;
    const bits = Math.round(estimateEntropyBits(cookie.value));
    return {
      severity: 'high',
      explanation: msg('r_token_readable_by_script_expl_random', bits),
    };
  },
  samples: {
    triggers: {
      cookie: sampleCookie({
        name: 'api',
        value: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLWJ5dGVz',
        httpOnly: false,
      }),
    },
    passes: {
      cookie: sampleCookie({
        name: 'api',
        value: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLWJ5dGVz',
      }),
    },
  },
};
