import { msg } from '../../i18n/msg';
import { effectivePrefix } from '../prefix';
import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A session-like cookie without a prefix that would lock its attributes. */
export const rule: Rule = {
  id: 'host-prefix-recommended',
  title: msg('r_host_prefix_recommended_title'),
  severities: ['low'],
  explanation: msg('r_host_prefix_recommended_expl'),
  fix: msg('r_host_prefix_recommended_fix'),
  reference: REF.rfc('4.1.3.2'),
  check({ cookie }) {
    if (effectivePrefix(cookie.name) || !isSessionLike(cookie)) return null;
    if (cookie.hostOnly) return { severity: 'low' };
    return {
      severity: 'low',
      explanation: msg('r_host_prefix_recommended_expl_domain'),
      fix: msg('r_host_prefix_recommended_fix_domain'),
    };
  },
  samples: {
    triggers: {
      cookie: sampleCookie({ name: 'session', value: 'mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX', sameSite: 'strict' }),
    },
    passes: {
      cookie: sampleCookie({ name: '__Host-session', value: 'mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX', sameSite: 'strict' }),
    },
  },
};
