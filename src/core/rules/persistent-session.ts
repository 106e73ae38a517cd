import { msg } from '../../i18n/msg';
import { isSessionLike } from '../session-like';
import { REF, type Rule, SAMPLE_NOW, sampleCookie } from './rule';

/** A session-like cookie with an expiry: it survives browser restarts. */
export const rule: Rule = {
  id: 'persistent-session',
  title: msg('r_persistent_session_title'),
  severities: ['medium'],
  explanation: msg('r_persistent_session_expl'),
  fix: msg('r_persistent_session_fix'),
  reference: REF.owasp('expire-and-max-age-attributes'),
  check({ cookie }) {
    if (cookie.session || cookie.expirationDate === undefined || !isSessionLike(cookie)) return null;
    const until = new Date(cookie.expirationDate * 1000);
    return {
      severity: 'medium',
      explanation: Number.isNaN(until.getTime())
        ? msg('r_persistent_session_expl_no_date')
        : msg('r_persistent_session_expl_date', until.toISOString().slice(0, 10)),
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
