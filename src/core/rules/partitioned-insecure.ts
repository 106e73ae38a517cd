import { REF, type Rule, sampleCookie } from './rule';

/**
 * A CHIPS (Partitioned) cookie without Secure. Chrome only: Firefox reports a partition key for every
 * cookie its state partitioning isolates, whether or not the site asked for Partitioned.
 */
export const rule: Rule = {
  id: 'partitioned-insecure',
  title: 'Partitioned cookie without Secure',
  severities: ['high'],
  explanation:
    'Chrome requires Secure on Partitioned (CHIPS) cookies and refuses to set one without it; where such a cookie is stored anyway it travels over plain http:.',
  fix: 'Secure',
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
