import { msg } from '../../i18n/msg';
import { REF, type Rule, sampleCookie } from './rule';

/**
 * A CHIPS (Partitioned) cookie without Secure. Chrome only: Firefox reports a partition key for every
 * cookie its state partitioning isolates, whether or not the site asked for Partitioned.
 */
export const rule: Rule = {
  id: 'partitioned-insecure',
  title: msg('r_partitioned_insecure_title'),
  severities: ['high'],
  explanation: msg('r_partitioned_insecure_expl'),
  fix: msg('text', 'Secure'),
  reference: REF.chips,
  check({ cookie, ctx }) {
    if (!cookie.partitionKey || cookie.secure || ctx.browser === 'firefox') return null;
    return { severity: 'high' };
  },
  samples: {
    triggers: {
      cookie: sampleCookie({ secure: false, sameSite: 'lax', partitionKey: { topLevelSite: 'https://news.example' } }),
    },
    passes: { cookie: sampleCookie({ partitionKey: { topLevelSite: 'https://news.example' } }) },
  },
};
