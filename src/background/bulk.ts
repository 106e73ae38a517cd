/**
 * Changes to many cookies at once from the manager: one expiry for all, or "harden" (Secure,
 * HttpOnly, and SameSite Lax where none was said). Each is one undoable step; each cookie is
 * written through the safe editor, so a refused write leaves the original as it was and is reported
 * with the browser's reason while the others go ahead.
 */
import type { BulkOutcome, CookieProblem } from '../messages';
import type { Cookie } from '../model/cookie';
import { sameState } from '../model/cookie-compare';
import { type Change, type CookieStore, saveCookie } from './editor';
import { begin, finish } from './intent';
import { identity } from './limits';
import { problem, withReason } from './problems';
import { cookieCount, word } from './words';

/** What to make of one cookie: the cookie it becomes (the same state: nothing to do). */
type Transform = (current: Cookie) => Cookie;

async function changeEach(
  store: CookieStore,
  cookies: readonly Cookie[],
  label: (changed: number) => string,
  transform: Transform,
  nowMs: number,
): Promise<BulkOutcome> {
  const intent = await begin(store, label(cookies.length), cookies);
  const before = new Map<string, Cookie>();
  const after = new Map<string, Cookie>();
  const failed: CookieProblem[] = [];
  let unchanged = 0;
  for (const asked of cookies) {
    try {
      const current = await store.getExact(asked);
      if (!current) {
        failed.push(problem(asked, word('bg_gone_since_list')));
        continue;
      }
      const next = transform(current);
      if (sameState(current, next) && current.hostOnly === next.hostOnly) {
        unchanged++;
        continue;
      }
      const { change, warning } = await saveCookie(store, current, next, nowMs, { tryAll: true });
      for (const b of change.before) if (!after.has(identity(b))) before.set(identity(b), b);
      for (const a of change.after) after.set(identity(a), a);
      if (warning) failed.push(problem(asked, warning));
    } catch (error) {
      failed.push(problem(asked, withReason(error, transform(asked)).message));
    }
  }
  const change: Change = { before: [...before.values()], after: [...after.values()] };
  const notes = await finish({ ...intent, label: label(change.after.length) }, change);
  return { changed: change.after.length, unchanged, failed, ...notes };
}

/**
 * Gives every cookie one expiry (seconds since the epoch), or makes them session cookies when
 * `expirationDate` is undefined. An expiry that is not in the future is refused before anything is
 * written: the browser would delete the cookies instead.
 */
export function setExpiry(
  store: CookieStore,
  cookies: readonly Cookie[],
  expirationDate: number | undefined,
  nowMs = Date.now(),
): Promise<BulkOutcome> {
  if (expirationDate !== undefined) {
    if (typeof expirationDate !== 'number' || !Number.isFinite(expirationDate)) {
      throw new Error(word('bg_expiry_invalid'));
    }
    if (expirationDate * 1000 <= nowMs) {
      throw new Error(word('bg_expiry_past'));
    }
  }
  const transform: Transform = (c) => {
    const { expirationDate: _old, ...rest } = c;
    return expirationDate === undefined ? { ...rest, session: true } : { ...rest, session: false, expirationDate };
  };
  const label = (n: number) =>
    word(expirationDate === undefined ? 'bg_label_made_session' : 'bg_label_expiry', cookieCount(n));
  return changeEach(store, cookies, label, transform, nowMs);
}

/**
 * For development: Secure and HttpOnly on, and SameSite Lax where none was said (Strict, Lax and
 * None stay: None is valid once the cookie is Secure). A cookie already like that is unchanged.
 */
export function harden(store: CookieStore, cookies: readonly Cookie[], nowMs = Date.now()): Promise<BulkOutcome> {
  const transform: Transform = (c) => ({
    ...c,
    secure: true,
    httpOnly: true,
    sameSite: c.sameSite === 'unspecified' ? 'lax' : c.sameSite,
  });
  return changeEach(store, cookies, (n) => word('bg_label_hardened', cookieCount(n)), transform, nowMs);
}
