import { bareDomain } from '../../model/cookie';
import { hostOf, isSameSite } from '../site';
import { quote, REF, type Rule, SAMPLE_CONTEXT, sampleCookie } from './rule';

/** A cross-site cookie meant for third-party use (SameSite=None) that is not partitioned. */
export const rule: Rule = {
  id: 'third-party-unpartitioned',
  title: 'Third-party cookie without Partitioned',
  severities: ['info'],
  explanation:
    'This cookie belongs to another site than the page and is meant for cross-site use (SameSite=None), but it is not partitioned: browsers that block third-party cookies (Safari, Firefox in strict mode, Chrome when the user chooses to) will not send it. If it only keeps state for this embedding, Partitioned (CHIPS) keeps it working, one copy per top-level site.',
  fix: 'Partitioned (with Secure), if per-top-level-site state is enough',
  reference: REF.chips,
  check({ cookie, ctx }) {
    const pageHost = hostOf(ctx.pageUrl);
    if (pageHost === '' || cookie.sameSite !== 'none' || cookie.partitionKey) return null;
    const domain = bareDomain(cookie);
    if (isSameSite(domain, pageHost)) return null;
    return {
      severity: 'info',
      explanation: `This cookie belongs to ${quote(domain, 60)}, another site than the page (${quote(pageHost, 60)}), and is meant for cross-site use (SameSite=None), but it is not partitioned: browsers that block third-party cookies (Safari, Firefox in strict mode, Chrome when the user chooses to) will not send it. If it only keeps state for this embedding, Partitioned (CHIPS) keeps it working, one copy per top-level site.`,
    };
  },
  samples: {
    triggers: {
      cookie: sampleCookie({ domain: 'widgets.example.net', sameSite: 'none' }),
      ctx: { ...SAMPLE_CONTEXT, pageUrl: 'https://www.example.com/' },
    },
    passes: {
      cookie: sampleCookie({ domain: 'static.example.com', sameSite: 'none' }),
      ctx: { ...SAMPLE_CONTEXT, pageUrl: 'https://www.example.com/' },
    },
  },
};
