import { msg } from '../../i18n/msg';
import { isAntiCsrf, isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A cookie that is neither session-like nor anti-CSRF and that page scripts can read. */
export const rule: Rule = {
  id: 'missing-httponly',
  title: msg('r_missing_httponly_title'),
  severities: ['low'],
  explanation: msg('r_missing_httponly_expl'),
  fix: msg('r_missing_httponly_fix'),
  reference: REF.mdn('httponly'),
  check({ cookie }) {
    if (cookie.httpOnly || isSessionLike(cookie) || isAntiCsrf(cookie)) return null;
    return { severity: 'low' };
  },
  samples: {
    triggers: { cookie: sampleCookie({ httpOnly: false }) },
    passes: { cookie: sampleCookie({ name: 'csrftoken', value: 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2', httpOnly: false }) },
  },
};
