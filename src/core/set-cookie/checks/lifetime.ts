/** Expires and Max-Age: which one counts, and the 400-day cap. */
import type { ParsedSetCookie } from '../parse';
import { NOTE } from '../wording';
import type { Check } from './context';

/** 400 days, the longest lifetime Chrome and Firefox accept (RFC 6265bis §5.5/§5.6). */
export const MAX_LIFETIME_SECONDS = 400 * 24 * 60 * 60;

export interface Lifetime {
  /** Milliseconds since the epoch (0 for Max-Age<=0); undefined for a session cookie. */
  expiryMs: number | undefined;
  /** The header asked for more than 400 days. */
  capped: boolean;
}

/** When the cookie expires: Max-Age wins over Expires, and neither may reach past 400 days from `now`. */
export function lifetimeOf(parsed: Pick<ParsedSetCookie, 'maxAge' | 'expires'>, now: number): Lifetime {
  if (parsed.maxAge !== undefined) {
    if (parsed.maxAge <= 0) return { expiryMs: 0, capped: false };
    return {
      expiryMs: now + Math.min(parsed.maxAge, MAX_LIFETIME_SECONDS) * 1000,
      capped: parsed.maxAge > MAX_LIFETIME_SECONDS,
    };
  }
  if (!parsed.expires) return { expiryMs: undefined, capped: false };
  const limit = now + MAX_LIFETIME_SECONDS * 1000;
  const at = parsed.expires.getTime();
  return { expiryMs: Math.min(at, limit), capped: at > limit };
}

/** Never rejects: notes a Max-Age that overrides an Expires, and a lifetime cut to 400 days. */
export const lifetime: Check = ({ parsed, notes, draft }) => {
  if (parsed.maxAge !== undefined && parsed.expires) {
    notes.push({ id: 'max-age-overrides-expires', severity: 'info', message: NOTE.maxAgeOverridesExpires() });
  }
  const { expiryMs, capped } = draft.lifetime;
  if (capped && expiryMs !== undefined) {
    const asked = parsed.maxAge !== undefined ? { maxAge: parsed.maxAge } : { expires: parsed.expires?.getTime() ?? 0 };
    notes.push({ id: 'lifetime-capped', severity: 'low', message: NOTE.lifetimeCapped(asked, expiryMs) });
  }
  return undefined;
};
