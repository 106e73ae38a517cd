import { type MsgArg, msg } from '../../i18n/msg';
import { commaList, REF, type Rule, sampleCookie } from './rule';

/**
 * Printable characters outside RFC 6265bis's cookie-octet (space, `"`, `,`, `;`, `\` and anything beyond
 * ASCII). Control characters are left to control-characters.
 */
const OUTSIDE = /[ ",;\\\u0080-\u{10FFFF}]/gu;

function describe(char: string): MsgArg {
  if (char === ' ') return msg('r_non_token_value_space');
  if (/[",;\\]/.test(char)) return `'${char}'`;
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A value outside the cookie-octet set (a double-quoted value counts without its quotes). */
export const rule: Rule = {
  id: 'non-token-value',
  title: msg('r_non_token_value_title'),
  severities: ['info'],
  explanation: msg('r_non_token_value_expl'),
  fix: msg('r_non_token_value_fix'),
  reference: REF.rfc('4.1.1'),
  check({ cookie }) {
    const v = cookie.value;
    const body = v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
    const found = [...new Set(body.match(OUTSIDE) ?? [])];
    if (found.length === 0) return null;
    const listed = commaList(found.slice(0, 5).map(describe));
    const shown = found.length > 5 ? msg('list_more', listed) : listed;
    return {
      severity: 'info',
      explanation: msg('r_non_token_value_expl_hit', shown),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ value: 'a b,c' }) },
    passes: { cookie: sampleCookie({ value: '"a%20b%2Cc"' }) },
  },
};
