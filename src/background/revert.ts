/**
 * Undoing a change without acting on stale state: each cookie is put back (or taken away) only where
 * it is still what the change left; what the site changed since is reported as a conflict.
 */
import { errorText } from '../error-text';
import type { Cookie } from '../model/cookie';
import { sameIdentity, sameState } from '../model/cookie-compare';
import { type Change, type CookieStore, type Failure, removeExactly, shortValue } from './editor';
import { word } from './words';

/** A cookie Undo left alone because it is no longer what the change left: the site changed it since. */
export interface Conflict {
  cookie: Cookie;
  /** The cookie as it is now; null when it is gone. */
  current: Cookie | null;
  message: string;
}

function conflictText(cookie: Cookie, current: Cookie | null, kind: 'changed' | 'set again' | 'deleted'): string {
  const what = `${cookie.name} (${cookie.domain}${cookie.path})`;
  if (kind === 'deleted') return word('bg_undo_deleted_since', what);
  if (kind === 'changed')
    return current
      ? word('bg_undo_changed_value', what, shortValue(current.value))
      : word('bg_undo_changed_since', what);
  return current ? word('bg_undo_set_again_value', what, shortValue(current.value)) : word('bg_undo_set_again', what);
}

export interface Reverted {
  expired: Cookie[];
  failed: Failure[];
  /** What could not be undone (the browser refused), to try again. */
  retry: Change;
  conflicts: Conflict[];
  /** The parts of the change left alone because of a conflict, to undo anyway if the user says so. */
  conflicted: Change;
}

/**
 * Undoes a change: puts back what it replaced or deleted, and takes away what it created, but only
 * where each cookie is still what the change left (unless `force`): a cookie the site changed, set
 * again or deleted since is left as it is and reported as a conflict. A cookie the change replaced is
 * written back over its successor (never removed first), so a refused write leaves the current
 * cookie rather than nothing. Cookies that expired since are not brought back (the browser would
 * delete them at once). Each cookie that could not be handled is reported, with what is needed to
 * try again, rather than stopping the rest.
 */
export async function revert(
  store: CookieStore,
  change: Change,
  options: { now?: number; force?: boolean } = {},
): Promise<Reverted> {
  const nowMs = options.now ?? Date.now();
  const result: Reverted = {
    expired: [],
    failed: [],
    retry: { before: [], after: [] },
    conflicts: [],
    conflicted: { before: [], after: [] },
  };
  for (const previous of change.before) {
    if (!previous.session && previous.expirationDate !== undefined && previous.expirationDate * 1000 <= nowMs) {
      result.expired.push(previous);
      continue;
    }
    const successor = change.after.find((created) => sameIdentity(created, previous));
    if (!options.force) {
      const current = (await store.getExact(previous)) ?? null;
      // Already as it was (an interrupted undo wrote it back): nothing to do, nothing to report.
      if (current && sameState(current, previous) && !successor) continue;
      const kind = successor
        ? !current
          ? 'deleted'
          : sameState(current, successor) || sameState(current, previous)
            ? undefined
            : 'changed'
        : current
          ? 'set again'
          : undefined;
      if (kind) {
        result.conflicts.push({ cookie: previous, current, message: conflictText(previous, current, kind) });
        result.conflicted.before.push(previous);
        if (successor) result.conflicted.after.push(successor);
        continue;
      }
    }
    try {
      await store.write(previous);
      if (!(await store.getExact(previous))) throw new Error(word('bg_undo_not_stored'));
    } catch (error) {
      result.failed.push({ cookie: previous, reason: errorText(error) });
      result.retry.before.push(previous);
      if (successor) result.retry.after.push(successor);
    }
  }
  for (const created of change.after) {
    // Replaced by its predecessor above (or kept because that write failed or conflicted): nothing to take away.
    if (change.before.some((previous) => sameIdentity(created, previous))) continue;
    try {
      const current = await store.getExact(created);
      if (!current) continue;
      if (!options.force && !sameState(current, created)) {
        result.conflicts.push({ cookie: created, current, message: conflictText(created, current, 'changed') });
        result.conflicted.after.push(created);
        continue;
      }
      const { lost } = await removeExactly(store, current);
      result.failed.push(...lost);
      result.retry.before.push(...lost.map((l) => l.cookie));
    } catch (error) {
      result.failed.push({ cookie: created, reason: errorText(error) });
      result.retry.after.push(created);
    }
  }
  return result;
}
