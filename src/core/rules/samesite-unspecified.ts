import { isAntiCsrf, isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

const BROWSERS_DIFFER =
  'Browsers differ on a cookie without SameSite: Chrome treats it as Lax (yet still sends it with cross-site top-level POSTs in the first two minutes), Firefox and Safari send it with every cross-site request like None.';

/** No SameSite attribute: behaviour depends on the browser. */
export const rule: Rule = {
  id: 'samesite-unspecified',
  title: 'No SameSite attribute',
  severities: ['medium', 'low'],
  explanation: `${BROWSERS_DIFFER} Say what you mean.`,
  fix: 'SameSite=Lax',
  reference: REF.rfc('4.1.2.7'),
  check({ cookie }) {
    if (cookie.sameSite !== 'unspecified') return null;
    if (isAntiCsrf(cookie)) {
      return {
        severity: 'medium',
        fix: 'SameSite=Strict',
        explanation: `${BROWSERS_DIFFER} An anti-CSRF cookie should never leave the site: SameSite=Strict adds a second line of defence to the token check.`,
      };
    }
    if (!isSessionLike(cookie)) return { severity: 'low' };
    return {
      severity: 'medium',
      explanation: `${BROWSERS_DIFFER} For a session cookie that means cross-site request forgery works in some browsers and not others.`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ sameSite: 'unspecified' }) },
    passes: { cookie: sampleCookie({ sameSite: 'strict' }) },
  },
};
