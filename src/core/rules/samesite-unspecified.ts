import { msg } from '../../i18n/msg';
import { isAntiCsrf, isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** No SameSite attribute: behaviour depends on the browser. */
export const rule: Rule = {
  id: 'samesite-unspecified',
  title: msg('r_samesite_unspecified_title'),
  severities: ['medium', 'low'],
  explanation: msg('r_samesite_unspecified_expl'),
  fix: msg('text', 'SameSite=Lax'),
  reference: REF.rfc('4.1.2.7'),
  check({ cookie }) {
    if (cookie.sameSite !== 'unspecified') return null;
    if (isAntiCsrf(cookie)) {
      return {
        severity: 'medium',
        fix: msg('text', 'SameSite=Strict'),
        explanation: msg('r_samesite_unspecified_expl_csrf'),
      };
    }
    if (!isSessionLike(cookie)) return { severity: 'low' };
    return {
      severity: 'medium',
      explanation: msg('r_samesite_unspecified_expl_session'),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ sameSite: 'unspecified' }) },
    passes: { cookie: sampleCookie({ sameSite: 'strict' }) },
  },
};
