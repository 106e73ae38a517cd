import { estimateEntropyBits, isAntiCsrf, isJwtShaped, isLongRandomToken } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A bearer token (JWT or long random value) that page scripts can read. */
export const rule: Rule = {
  id: 'token-readable-by-script',
  title: 'Token readable by scripts',
  severities: ['high'],
  explanation:
    'The value looks like a credential, and scripts on the page can read it with document.cookie. A script injected through an XSS flaw can copy it and use it elsewhere until it expires.',
  fix: 'HttpOnly',
  reference: REF.owasp('httponly-attribute'),
  check({ cookie }) {
    if (cookie.httpOnly || isAntiCsrf(cookie)) return null;
    if (isJwtShaped(cookie.value)) {
      return {
        severity: 'high',
        explanation:
          'The value is a JSON Web Token, a bearer credential: whoever holds it is the user until it expires, and signing does not help once it is copied. Scripts on the page, including injected ones, can read it with document.cookie.',
      };
    }
    if (!isLongRandomToken(cookie.value)) return null;
    const bits = Math.round(estimateEntropyBits(cookie.value));
    return {
      severity: 'high',
      explanation: `The value is a long random token (up to about ${bits} bits), which usually means a credential, and scripts on the page, including injected ones, can read it with document.cookie and send it away.`,
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
