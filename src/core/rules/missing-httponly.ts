import { isAntiCsrf, isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A cookie that is neither session-like nor anti-CSRF and that page scripts can read. */
export const rule: Rule = {
  id: 'missing-httponly',
  title: 'Cookie readable by scripts',
  severities: ['low'],
  explanation:
    'Scripts on the page can read this cookie with document.cookie, including a script injected through an XSS flaw. If no client-side code needs it, HttpOnly keeps it out of their reach.',
  fix: 'HttpOnly (unless page scripts must read it)',
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
