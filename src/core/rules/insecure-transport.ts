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
  title: 'Cookie sent over unencrypted http:',
  severities: ['high', 'medium'],
  explanation:
    'This page is served over plain http:, so this cookie travels in clear text with every request: anyone on the same Wi-Fi or network path can read and change it.',
  fix: 'Serve the site over https: only (redirect http: and send Strict-Transport-Security), then add Secure',
  reference: REF.rfc('8.3'),
  check({ cookie, ctx }) {
    if (cookie.secure || !isPlainHttp(ctx.pageUrl) || isLoopbackHost(hostOf(ctx.pageUrl))) return null;
    if (!isSessionLike(cookie)) return { severity: 'medium' };
    return {
      severity: 'high',
      explanation:
        'This page is served over plain http: and this looks like a session cookie: it travels in clear text, so anyone on the network path can copy it and use the session.',
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
