import { effectivePrefix } from '../prefix';
import { REF, type Rule, sampleCookie } from './rule';

/** A cookie with an empty name; high when its value starts like a prefix (`=__Host-x=1`). */
export const rule: Rule = {
  id: 'nameless',
  title: 'Cookie without a name',
  severities: ['high', 'low'],
  explanation:
    'The browser sends a cookie with an empty name as its bare value, which servers parse inconsistently: some drop it, some read the value as a name.',
  fix: 'give the cookie a name (name=value)',
  reference: REF.rfc('4.1.1'),
  check({ cookie }) {
    if (cookie.name !== '') return null;
    const prefix = effectivePrefix(cookie.value.trimStart());
    if (!prefix) return { severity: 'low' };
    return {
      severity: 'high',
      explanation: `The name is empty and the value starts with ${prefix}: the browser sends it as its bare value, so the server reads a cookie named ${prefix}... that never met the prefix's requirements. This is how prefixed cookies are forged; browsers following RFC 6265bis refuse it.`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: '', value: '__Host-sid=attacker' }) },
    passes: { cookie: sampleCookie({ name: 'pref', value: '__Host-sid=attacker' }) },
  },
};
