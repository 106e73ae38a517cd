import { bareDomain } from '../../model/cookie';
import { isSessionLike } from '../session-like';
import { quote, REF, type Rule, sampleCookie } from './rule';

/** A domain cookie (Domain attribute set): sent to, and writable by, every subdomain. */
export const rule: Rule = {
  id: 'domain-wide',
  title: 'Cookie shared with every subdomain',
  severities: ['medium', 'low'],
  explanation:
    'The Domain attribute makes the browser send this cookie to every subdomain, and lets any subdomain overwrite it. Without Domain the cookie stays with the host that set it.',
  fix: 'remove Domain (a host-only cookie), or use the __Host- prefix',
  reference: REF.rfc('4.1.2.3'),
  check({ cookie }) {
    if (cookie.hostOnly) return null;
    const domain = quote(bareDomain(cookie), 60);
    const sent = `The Domain attribute makes the browser send this cookie to every host under ${domain}, and lets any of them overwrite it.`;
    if (!isSessionLike(cookie))
      return { severity: 'low', explanation: `${sent} Without Domain it stays with the host that set it.` };
    return {
      severity: 'medium',
      explanation: `${sent} For a session cookie, one forgotten, compromised or taken-over subdomain is enough to steal or fix the session.`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ domain: '.example.com', hostOnly: false }) },
    passes: { cookie: sampleCookie() },
  },
};
