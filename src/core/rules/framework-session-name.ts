import { sessionFramework } from '../session-like';
import { nameOf, REF, type Rule, sampleCookie } from './rule';

/** A framework's default session cookie name, which tells attackers what the site runs. */
export const rule: Rule = {
  id: 'framework-session-name',
  title: "Session cookie uses the framework's default name",
  severities: ['info'],
  explanation:
    'A default session cookie name tells anyone which framework the site runs, which helps an attacker pick known flaws to try.',
  fix: 'rename the session cookie to a neutral name such as __Host-id',
  reference: REF.owasp('session-id-name-fingerprinting'),
  check({ cookie }) {
    const framework = sessionFramework(cookie.name);
    if (!framework) return null;
    return {
      severity: 'info',
      explanation: `The name ${nameOf(cookie)} is the default of ${framework}, and tells anyone what the site runs, which helps an attacker pick known flaws to try.`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: 'PHPSESSID', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', sameSite: 'strict' }) },
    passes: { cookie: sampleCookie({ name: '__Host-id', value: 'q1w2e3r4t5y6u7i8o9p0a1s2d3', sameSite: 'strict' }) },
  },
};
