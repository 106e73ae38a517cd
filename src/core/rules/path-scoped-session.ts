import { msg } from '../../i18n/msg';
import { isSessionLike } from '../session-like';
import { quote, REF, type Rule, sampleCookie } from './rule';

/** A session-like cookie with a Path other than `/`. */
export const rule: Rule = {
  id: 'path-scoped-session',
  title: msg('r_path_scoped_session_title'),
  severities: ['info'],
  explanation: msg('r_path_scoped_session_expl'),
  fix: msg('text', 'Path=/'),
  reference: REF.rfc('8.5'),
  check({ cookie }) {
    if (cookie.path === '/' || !isSessionLike(cookie)) return null;
    return {
      severity: 'info',
      explanation: msg('r_path_scoped_session_expl_path', quote(cookie.path, 60)),
    };
  },
  samples: {
    triggers: {
      cookie: sampleCookie({ name: '__Secure-sess', value: 'mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX', path: '/app' }),
    },
    passes: { cookie: sampleCookie({ name: 'theme', path: '/app' }) },
  },
};
