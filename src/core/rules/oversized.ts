import { cookieSize } from '../../model/cookie';
import { REF, type Rule, sampleCookie } from './rule';

export const MAX_COOKIE_BYTES = 4096;

/** Name plus value over 4096 bytes. */
export const rule: Rule = {
  id: 'oversized',
  title: 'Cookie larger than 4096 bytes',
  severities: ['high'],
  explanation:
    'Browsers refuse cookies whose name and value exceed 4096 bytes, so attempts to set or update this one fail silently; large cookies also ride along with every request and push headers towards server limits (HTTP 431).',
  fix: 'store the data server-side and keep only a short id in the cookie',
  reference: REF.rfc('6.1'),
  check({ cookie }) {
    const size = cookieSize(cookie);
    if (size <= MAX_COOKIE_BYTES) return null;
    return {
      severity: 'high',
      explanation: `Name and value take ${size} bytes. Browsers refuse cookies over 4096 bytes, so attempts to set or update this one fail silently; large cookies also ride along with every request and push headers towards server limits (HTTP 431).`,
    };
  },
  samples: {
    triggers: { cookie: sampleCookie({ name: 'cart', value: 'a'.repeat(4093) }) },
    passes: { cookie: sampleCookie({ name: 'cart', value: 'a'.repeat(4092) }) },
  },
};
