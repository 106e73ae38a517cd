import { isSessionLike } from '../session-like';
import { REF, type Rule, SAMPLE_NOW, sampleCookie } from './rule';

/** A session-like cookie with an expiry: it survives browser restarts. */
export const rule: Rule = {
  id: 'persistent-session',
  title: 'Session cookie survives browser restarts',
  severities: ['medium'],
  explanation:
    'The session cookie has an expiry, so it is written to disk and outlives the browser session: on a shared or stolen device it still logs someone in. Let session ids end with the browser session, and keep a "remember me" login as a separate, rotated token checked server-side.',
  fix: 'remove Expires and Max-Age',
  reference: REF.owasp('expire-and-max-age-attributes'),
  check({ cookie }) {
    if (cookie.session || cookie.expirationDate === undefined || !isSessionLike(cookie)) return null;
    const until = new Date(cookie.expirationDate * 1000);
    const date = Number.isNaN(until.getTime()) ? 'its expiry' : until.toISOString().slice(0, 10);
    return {
      severity: 'medium',
      explanation: `The session cookie is kept until ${date}, so it is written to disk and outlives the browser session: on a shared or stolen device it still logs someone in. Let session ids end with the browser session, and keep a "remember me" login as a separate, rotated token checked server-side.`,
    };
  },
  samples: {
    triggers: {
      cookie: sampleCookie({
        name: 'JSESSIONID',
        value: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
        session: false,
        expirationDate: SAMPLE_NOW / 1000 + 86_400,
      }),
    },
    passes: {
      cookie: sampleCookie({ name: 'theme', session: false, expirationDate: SAMPLE_NOW / 1000 + 86_400 }),
    },
  },
};
