import { msg } from '../../i18n/msg';
import { effectivePrefix } from '../prefix';
import { REF, type Rule, sampleCookie } from './rule';

/** A cookie with an empty name; high when its value starts like a prefix (`=__Host-x=1`). */
export const rule: Rule = {
  id: 'nameless',
  title: msg('r_nameless_title'),
  severities: ['high', 'low'],
  explanation: msg('r_nameless_expl'),
  fix: msg('r_nameless_fix'),
  reference: REF.rfc('4.1.1'),
  check({ cookie }) {
    if (cookie.name !== '') return null;
    const prefix = effectivePrefix(cookie.value.trimStart());
    if (!prefix) return { severity: 'low' };
    return {
      severity: 'high',
      explanation: msg('r_nameless_expl_prefix', prefix),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '', value: '__Host-sid=attacker' }) },
    passes: { cookie: sampleCookie({ name: 'pref', value: '__Host-sid=attacker' }) },
  },
};
