import { REF, type Rule, sampleCookie } from './rule';

/**
 * Printable characters outside RFC 6265bis's cookie-octet (space, `"`, `,`, `;`, `\` and anything beyond
 * ASCII). Control characters are left to control-characters.
 */
const OUTSIDE = /[ ",;\\\u0080-\u{10FFFF}]/gu;

function describe(char: string): string {
  if (char === ' ') return 'space';
  if (/[",;\\]/.test(char)) return `'${char}'`;
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A value outside the cookie-octet set (a double-quoted value counts without its quotes). */
export const rule: Rule = {
  id: 'non-token-value',
  title: 'Cookie value outside the safe character set',
  severities: ['info'],
  explanation:
    'The value has characters outside the cookie-octet set of RFC 6265bis. Browsers accept most of them, but servers, frameworks and proxies parse them differently (a comma or space can split the value, non-ASCII can be re-encoded).',
  fix: 'percent-encode or base64url-encode the value',
  reference: REF.rfc('4.1.1'),
  check({ cookie }) {
    const v = cookie.value;
    const body = v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
    const found = [...new Set(body.match(OUTSIDE) ?? [])];
    if (found.length === 0) return null;
    const shown = found.slice(0, 5).map(describe).join(', ') + (found.length > 5 ? ', ...' : '');
    return {
      severity: 'info',
      explanation: `The value contains ${shown}, outside the cookie-octet set of RFC 6265bis. Browsers accept most of them, but servers, frameworks and proxies parse them differently (a comma or space can split the value, non-ASCII can be re-encoded).`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ value: 'a b,c' }) },
    passes: { cookie: sampleCookie({ value: '"a%20b%2Cc"' }) },
  },
};
