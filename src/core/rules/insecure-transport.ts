import { msg } from '../../i18n/msg';
import { isSessionLike } from '../session-like';
import { hostOf, isLoopbackHost } from '../site';
import { REF, type Rule, SAMPLE_CONTEXT, sampleCookie } from './rule';

function isPlainHttp(pageUrl: string): boolean {
  try {
    return new URL(pageUrl).protocol === 'http:';
  } catch {
    return false;
  }
}

/** The page is plain http: (not a loopback host), so the cookies it gets travel in clear text. */
export const rule: Rule = {
  id: 'insecure-transport',
  title: msg('r_insecure_transport_title'),
  severities: ['high', 'medium'],
  explanation: msg('r_insecure_transport_expl'),
  fix: msg('r_insecure_transport_fix'),
  reference: REF.rfc('8.3'),
  check({ cookie, ctx }) {
    if (cookie.secure || !isPlainHttp(ctx.pageUrl) || isLoopbackHost(hostOf(ctx.pageUrl))) return null;
    if (!isSessionLike(cookie)) return { severity: 'medium' };
    return {
      severity: 'high',
      explanation: msg('r_insecure_transport_expl_session'),
    };
  },
  samples: {
    triggers: {
      cookie: sampleCookie({ secure: false }),
      ctx: { ...SAMPLE_CONTEXT, pageUrl: 'http://example.com/' },
    },
    passes: {
      cookie: sampleCookie({ secure: false }),
      ctx: { ...SAMPLE_CONTEXT, pageUrl: 'http://localhost:8080/' },
    },
  },
};
