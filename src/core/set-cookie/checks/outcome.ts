/** The verdict on a header no check refused: stored, replaced, or deleted (an expiry in the past). */
import type { Msg } from '../../../i18n/msg';
import type { Cookie } from '../../../model/cookie';
import { NOTE, VERDICT } from '../wording';
import type { ExplainContext } from './context';

/** An Expires this close after the epoch is almost always a number of seconds passed as a date. */
const EPOCH_MISTAKE_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;

export interface Outcome {
  verdict: 'stored' | 'replaced' | 'deleted';
  message: Msg;
  hint?: Msg;
  /** What is stored, or what is deleted (the existing cookie, else the cookie as it arrived). */
  cookie: Cookie;
  /** cookieKey() of the cookie this one replaces or deletes. */
  replaces?: string;
}

/** A header whose expiry has passed deletes: the existing cookie, or itself on arrival. */
function deletion(ctx: ExplainContext, expiryMs: number): Outcome {
  const { parsed, notes, who, draft } = ctx;
  const epochMistake =
    parsed.maxAge === undefined && parsed.expires !== undefined && expiryMs > 0 && expiryMs < EPOCH_MISTAKE_WINDOW_MS;
  const why = VERDICT.deletedBecause(parsed.maxAge, expiryMs);
  notes.push({
    id: 'expires-in-past',
    severity: epochMistake ? 'high' : 'info',
    message: NOTE.expiresInPast(parsed.maxAge, expiryMs),
  });
  let hint: { hint: Msg } | undefined;
  if (epochMistake) {
    const seconds = Math.round(expiryMs / 1000);
    hint = { hint: VERDICT.epochMistakeHint(seconds) };
    notes.push({ id: 'expires-near-epoch', severity: 'high', message: NOTE.expiresNearEpoch(expiryMs, seconds) });
  }
  if (draft.existing) {
    const message = VERDICT.deletesExisting(who, draft.existing, why);
    return { verdict: 'deleted', message, ...hint, cookie: draft.existing, replaces: draft.key };
  }
  return { verdict: 'deleted', message: VERDICT.deletedOnArrival(who, why), ...hint, cookie: draft.cookie };
}

export function outcome(ctx: ExplainContext): Outcome {
  const { now, who, draft } = ctx;
  const { cookie, existing, key } = draft;
  const { expiryMs } = draft.lifetime;
  if (expiryMs !== undefined && expiryMs <= now) return deletion(ctx, expiryMs);
  const lifetime = VERDICT.lifetime(expiryMs);
  if (existing) {
    return { verdict: 'replaced', message: VERDICT.replaces(who, cookie, lifetime), cookie, replaces: key };
  }
  return { verdict: 'stored', message: VERDICT.stores(who, cookie, lifetime), cookie };
}
