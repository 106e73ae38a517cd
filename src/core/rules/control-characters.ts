import { msg } from '../../i18n/msg';
import { REF, type Rule, sampleCookie } from './rule';

/**
 * Control characters, horizontal tab included: RFC 6265bis lets a tab through, but Chromium refuses
 * a cookie with a tab inside its name or value, so such a cookie works in one browser only.
 */
const CONTROL = /[\x00-\x1F\x7F]/;

function describe(text: string): string | undefined {
  const match = CONTROL.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** Control characters in the name or value. */
export const rule: Rule = {
  id: 'control-characters',
  title: msg('r_control_characters_title'),
  severities: ['high'],
  explanation: msg('r_control_characters_expl'),
  fix: msg('r_control_characters_fix'),
  reference: REF.rfc('4.1.1'),
  check({ cookie }) {
    const inName = describe(cookie.name);
    const inValue = describe(cookie.value);
    if (!inName && !inValue) return null;
    return {
      severity: 'high',
      explanation: inName
        ? msg('r_control_characters_expl_name', inName)
        : msg('r_control_characters_expl_value', inValue ?? ''),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ value: 'dark\r\nSet-Cookie: x=1' }) },
    passes: { cookie: sampleCookie({ value: 'dark blue' }) },
  },
};
