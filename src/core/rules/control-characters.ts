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
  title: 'Control characters in the cookie',
  severities: ['high'],
  explanation:
    'The name or value contains control characters. Browsers refuse such cookies when they are set, servers and proxies may split or cut headers at them, and some are used to smuggle extra header lines.',
  fix: 'remove the control characters; percent-encode or base64url-encode the value',
  reference: REF.rfc('4.1.1'),
  check({ cookie }) {
    const inName = describe(cookie.name);
    const inValue = describe(cookie.value);
    if (!inName && !inValue) return null;
    const where = inName ? `The name contains ${inName}` : `The value contains ${inValue}`;
    return {
      severity: 'high',
      explanation: `${where}, a control character. Browsers refuse such cookies when they are set, servers and proxies may split or cut headers at them, and some are used to smuggle extra header lines.`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ value: 'dark\r\nSet-Cookie: x=1' }) },
    passes: { cookie: sampleCookie({ value: 'dark blue' }) },
  },
};
