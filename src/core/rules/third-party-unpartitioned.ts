import { msg } from '../../i18n/msg';
import { bareDomain } from '../../model/cookie';
import { hostOf, isSameSite } from '../site';
import { quote, REF, type Rule, SAMPLE_CONTEXT, sampleCookie } from './rule';

/** A cross-site cookie meant for third-party use (SameSite=None) that is not partitioned. */
export const rule: Rule = {
  id: 'third-party-unpartitioned',
  title: msg('r_third_party_unpartitioned_title'),
  severities: ['info'],
  explanation: msg('r_third_party_unpartitioned_expl'),
  fix: msg('r_third_party_unpartitioned_fix'),
  reference: REF.chips,
  check({ cookie, ctx }) {
    const pageHost = hostOf(ctx.pageUrl);
    if (pageHost === '' || cookie.sameSite !== 'none' || cookie.partitionKey) return null;
    const domain = bareDomain(cookie);
    if (isSameSite(domain, pageHost)) return null;
    return {
      severity: 'info',
      explanation: msg('r_third_party_unpartitioned_expl_hit', quote(domain, 60), quote(pageHost, 60)),
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
