import { effectivePrefix } from '../prefix';
import { isSessionLike } from '../session-like';
import { REF, type Rule, sampleCookie } from './rule';

/** A session-like cookie without a prefix that would lock its attributes. */
export const rule: Rule = {
  id: 'host-prefix-recommended',
  title: 'Session cookie without the __Host- prefix',
  severities: ['low'],
  explanation:
    'With the __Host- prefix the browser only accepts this cookie when it is Secure, host-only and Path=/, so a sibling subdomain or a plain http: page cannot plant or overwrite the session cookie (session fixation, cookie tossing).',
  fix: 'rename to __Host-<name> with Secure; Path=/ and no Domain',
  reference: REF.rfc('4.1.3.2'),
  check({ cookie }) {
    if (effectivePrefix(cookie.name) || !isSessionLike(cookie)) return null;
    if (cookie.hostOnly) return { severity: 'low' };
    return {
      severity: 'low',
      explanation:
        'This session cookie has no prefix. If it must be shared with subdomains, the __Secure- prefix at least makes the browser refuse versions that are not Secure; if it need not be, __Host- (Secure, host-only, Path=/) stops other subdomains and http: pages from planting or overwriting it.',
      fix: 'rename to __Host-<name> with Secure; Path=/ and no Domain, or at least __Secure-<name>',
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
