import { msg } from '../../i18n/msg';
import { bareDomain } from '../../model/cookie';
import { quote, REF, type Rule, sampleCookie } from './rule';

const NON_ASCII = /[^\x00-\x7F]/;

/** The ASCII (punycode) form of a domain, or undefined when it does not parse as a host. */
function asciiForm(domain: string): string | undefined {
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
}

/** A domain with non-ASCII characters. */
export const rule: Rule = {
  id: 'domain-non-ascii',
  title: msg('r_domain_non_ascii_title'),
  severities: ['medium'],
  explanation: msg('r_domain_non_ascii_expl'),
  fix: msg('r_domain_non_ascii_fix'),
  reference: REF.rfc('4.1.2.3'),
  check({ cookie }) {
    if (!NON_ASCII.test(cookie.domain)) return null;
    const ascii = asciiForm(bareDomain(cookie));
    return {
      severity: 'medium',
      ...(ascii && !NON_ASCII.test(ascii) ? { fix: msg('text', `Domain=${quote(ascii, 80).slice(1, -1)}`) } : {}),
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ domain: '.bücher.example', hostOnly: false }) },
    passes: { cookie: sampleCookie({ domain: '.xn--bcher-kva.example', hostOnly: false }) },
  },
};
