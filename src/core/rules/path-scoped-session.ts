import { isSessionLike } from '../session-like';
import { quote, REF, type Rule, sampleCookie } from './rule';

/** A session-like cookie with a Path other than `/`. */
export const rule: Rule = {
  id: 'path-scoped-session',
  title: 'Session cookie scoped to a path',
  severities: ['info'],
  explanation:
    'Path is not a security boundary: any page of the same origin can read a cookie of another path (for example through a same-origin frame), and a cookie with a longer path set elsewhere takes precedence over it. Scope the session to the whole host and separate applications by host instead.',
  fix: 'Path=/',
  reference: REF.rfc('8.5'),
  check({ cookie }) {
    if (cookie.path === '/' || !isSessionLike(cookie)) return null;
    return {
      severity: 'info',
      explanation: `The session cookie is limited to Path=${quote(cookie.path, 60)}, but Path is not a security boundary: any page of the same origin can read it (for example through a same-origin frame), and a cookie with a longer path set elsewhere takes precedence over it. Scope the session to the whole host and separate applications by host instead.`,
    };
  },
  samples: {
    triggers: {
      cookie: sampleCookie({ name: '__Secure-sess', value: 'mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX', path: '/app' }),
    },
    passes: { cookie: sampleCookie({ name: 'theme', path: '/app' }) },
  },
};
