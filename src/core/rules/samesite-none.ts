import { msg } from '../../i18n/msg';
import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** SameSite=None (with Secure): sent with every cross-site request. */
export const rule: Rule = {
  id: 'samesite-none',
  title: msg('r_samesite_none_title'),
  severities: ['medium', 'low'],
  explanation: msg('r_samesite_none_expl'),
  fix: msg('r_samesite_none_fix'),
  reference: REF.rfc('8.8'),
  check({ cookie }) {
    if (cookie.sameSite !== 'none' || !cookie.secure) return null;
    if (!isSessionLike(cookie)) return { severity: 'low' };
    return {
      severity: 'medium',
      explanation: msg('r_samesite_none_expl_session'),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ sameSite: 'none' }) },
    passes: { cookie: sampleCookie({ sameSite: 'none', secure: false }) },
  },
};
