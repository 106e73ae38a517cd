/**
 * The jar as it was when a response arrived: the browser may store a response's cookies before the
 * background reads the jar, so the read is rolled back to the moment the header came in.
 */
import { type Cookie, cookieKey } from '../../model/cookie';
import type { Explanation } from '../set-cookie/index';

/** One `cookies.onChanged` event, numbered in arrival order. */
export interface CookieChange {
  seq: number;
  time: number;
  removed: boolean;
  /** The browser's cause: `explicit`, `overwrite`, `expired`, `expired_overwrite`, `evicted`. */
  cause: string;
  cookie: Cookie;
  /** Set once a header has been found to cause this change. */
  claimed?: boolean;
}

/**
 * The jar as it was before change number `since`: `current` is read later (the read is async, and the
 * browser may have stored the response's cookies meanwhile), so every change that arrived from `since`
 * on is rolled back. Applying them newest first leaves each touched cookie as the oldest change found it.
 */
export function jarBefore(current: readonly Cookie[], changes: readonly CookieChange[], since: number): Cookie[] {
  const jar = new Map(current.map((c) => [cookieKey(c), c]));
  const later = changes.filter((c) => c.seq >= since).sort((a, b) => b.seq - a.seq);
  for (const change of later) {
    const key = cookieKey(change.cookie);
    if (change.removed) jar.set(key, change.cookie);
    else jar.delete(key);
  }
  return [...jar.values()];
}

/** The jar after the browser applied one explained header. */
export function applyToJar(jar: readonly Cookie[], explanation: Explanation): Cookie[] {
  const { verdict, cookie, replaces } = explanation;
  if (verdict === 'rejected' || !cookie) return [...jar];
  const key = cookieKey(cookie);
  const kept = jar.filter((c) => {
    const k = cookieKey(c);
    return k !== key && k !== replaces;
  });
  return verdict === 'deleted' ? kept : [...kept, cookie];
}
