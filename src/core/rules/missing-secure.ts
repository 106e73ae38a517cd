import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** Not Secure: the browser also sends the cookie over plain http:. */
export const rule: Rule = {
  id: 'missing-secure',
  title: 'Cookie is not Secure',
  severities: ['high', 'low'],
  explanation:
    'Without Secure the browser also sends this cookie over plain http:, where anyone on the network path can read or change it, and an http: page can overwrite it.',
  fix: 'Secure',
  reference: REF.rfc('4.1.2.5'),
  check({ cookie }) {
    if (cookie.secure) return null;
    if (!isSessionLike(cookie)) return { severity: 'low' };
    return {
      severity: 'high',
      explanation:
        'This looks like a session cookie and is not Secure: the browser sends it over plain http: too (one http: link or redirect is enough), and whoever reads it on the network takes over the session.',
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: 'sid', value: 'x4Jd8fQ2pL0zR7vT9wK3mN6bY1cH5gA2', secure: false }) },
    passes: { cookie: sampleCookie({ name: 'sid', value: 'x4Jd8fQ2pL0zR7vT9wK3mN6bY1cH5gA2' }) },
  },
};
