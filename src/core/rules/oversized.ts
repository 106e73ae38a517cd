import { msg } from '../../i18n/msg';
import { cookieSize } from '../../model/cookie';
import { REF, type Rule, sampleCookie } from './rule';

export const MAX_COOKIE_BYTES = 4096;

/** Name plus value over 4096 bytes. */
export const rule: Rule = {
  id: 'oversized',
  title: msg('r_oversized_title'),
  severities: ['high'],
  explanation: msg('r_oversized_expl'),
  fix: msg('r_oversized_fix'),
  reference: REF.rfc('6.1'),
  check({ cookie }) {
    const size = cookieSize(cookie);
    if (size <= MAX_COOKIE_BYTES) return null;
    return {
      severity: 'high',
      explanation: msg('r_oversized_expl_size', size),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: 'cart', value: 'a'.repeat(4093) }) },
    passes: { cookie: sampleCookie({ name: 'cart', value: 'a'.repeat(4092) }) },
  },
};
