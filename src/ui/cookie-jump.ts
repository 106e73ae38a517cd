/**
 * A jump to a cookie (the DevTools panel's, from a Set-Cookie log entry): finding the cookie an
 * entry produced, and what the workbench does with it. Only the panel jumps: the popup loads none
 * of this.
 */
import { type Cookie, cookieKey, hostOfDomain } from '../model/cookie';
import { t } from './i18n';
import type { Group } from './model';
import type { Outcome } from './outcome-text';

/** What a Set-Cookie log entry points at: enough to find the cookie's row. */
export interface CookieTarget {
  key: string;
  name: string;
  domain: string;
  path: string;
}

/**
 * The cookie a log entry produced: the exact identity first, else the same name, domain and path
 * (the browser may have partitioned it where the header did not ask, as Firefox does for third parties).
 */
export function findCookie(target: CookieTarget, cookies: readonly Cookie[]): Cookie | undefined {
  return cookieFinder(cookies)(target);
}

/**
 * `findCookie` over the same cookies for many targets (every entry of a Set-Cookie log): the cookies
 * are indexed once, not compared with each target in turn.
 */
export function cookieFinder(cookies: readonly Cookie[]): (target: CookieTarget) => Cookie | undefined {
  const exact = new Map<string, Cookie>();
  const similar = new Map<string, Cookie>();
  const looseKey = (name: string, domain: string, path: string) => JSON.stringify([name, hostOfDomain(domain), path]);
  for (const c of cookies) {
    const key = cookieKey(c);
    if (!exact.has(key)) exact.set(key, c);
    const loose = looseKey(c.name, c.domain, c.path);
    if (!similar.has(loose)) similar.set(loose, c);
  }
  return (target) => exact.get(target.key) ?? similar.get(looseKey(target.name, target.domain, target.path));
}

/** A jump to a cookie (from the Set-Cookie log) that is not among the loaded cookies. */
export function cookieNotFoundOutcome(name: string): Outcome {
  return { text: t('cookie_not_found', name), error: true };
}

/**
 * Where a jump to `target` goes among the loaded `cookies`: the key of its row, and whether the rows
 * shown (`groups`, after search and filter) hide it; or what to say when it is not (yet) loaded.
 */
export function jumpTo(
  target: CookieTarget,
  cookies: readonly Cookie[],
  groups: readonly Group[],
): { key: string; hidden: boolean } | { missing: Outcome } {
  const found = findCookie(target, cookies);
  if (!found) return { missing: cookieNotFoundOutcome(target.name) };
  const key = cookieKey(found);
  return { key, hidden: !groups.some((g) => g.rows.some((r) => r.key === key)) };
}

/** What jumps have done so far, kept by the workbench across loads: the last request handled, the last not found. */
export interface JumpState {
  handled?: number | undefined;
  missed?: number | undefined;
}

/** What a jump does to the workbench. */
export interface JumpActions {
  onStatus: (status: Outcome | undefined) => void;
  onShowAll: () => void;
  onOpen: (key: string) => void;
  scrollTo: (key: string) => void;
}

/**
 * Applies a jump request (`nonce` tells requests apart) to the loaded cookies and the rows shown:
 * clears the search and filters when they hide the cookie, opens its row and scrolls to it. A cookie
 * not (yet) here is said once: the list may be older than the log entry, and the next load tries again.
 */
export function applyJump(
  request: { target: CookieTarget; nonce: number },
  cookies: readonly Cookie[],
  groups: readonly Group[],
  state: JumpState,
  actions: JumpActions,
): void {
  const jump = jumpTo(request.target, cookies, groups);
  if ('missing' in jump) {
    if (state.missed !== request.nonce) {
      state.missed = request.nonce;
      actions.onStatus(jump.missing);
    }
    return;
  }
  state.handled = request.nonce;
  if (state.missed === request.nonce) actions.onStatus(undefined);
  if (jump.hidden) actions.onShowAll();
  actions.onOpen(jump.key);
  actions.scrollTo(jump.key);
}
