/**
 * Safe cookie edits: nothing is ever lost.
 * - Save writes the new cookie first; only if its identity changed, and only after the write
 *   succeeded and was read back, is the old one removed.
 * - Remove deletes exactly one cookie, putting back any same-name cookie the browser took with it
 *   (Chromium's `cookies.remove` deletes every same-name cookie that would be sent to the URL).
 * - Every change is journaled so it can be undone.
 * The store is injected, so these rules are unit-tested against fakes with each browser's quirks.
 */
import { prefixViolations } from '../core/prefix';
import { type Cookie, cookieKey } from '../model/cookie';

export interface CookieStore {
  getExact(cookie: Cookie): Promise<Cookie | undefined>;
  getAllNamed(name: string, storeId: string): Promise<Cookie[]>;
  /** Rejects with the browser's own message when the browser refuses. */
  write(cookie: Cookie): Promise<void>;
  removeOnce(cookie: Cookie): Promise<void>;
}

/** A refusal to be shown to the user as is. */
export class EditRefused extends Error {
  override name = 'EditRefused';
}

export interface Change {
  /** Cookies as they were before the change (to put back on undo). */
  before: Cookie[];
  /** Cookies the change created (to take away on undo). */
  after: Cookie[];
}

/** What we refuse before asking the browser, because a browser would never let a page keep it. */
export function preflight(next: Cookie, nowMs: number): string | undefined {
  if (next.name === '' && next.value === '') return 'A cookie needs a name or a value.';
  if (/[\u0000-\u001f\u007f]/.test(next.name + next.value)) {
    return 'Control characters are not allowed in a cookie name or value; browsers refuse such cookies.';
  }
  if (/[;=]/.test(next.name) || next.name.trim() !== next.name) {
    return 'A cookie name may not contain ";" or "=" or start or end with spaces.';
  }
  if (next.value.includes(';')) return 'A cookie value may not contain ";" (it would end the cookie).';
  if (!next.path.startsWith('/')) return 'Path must start with "/".';
  if (next.domain.replace(/^\./, '') === '') return 'Domain is required.';
  if (!next.session) {
    if (next.expirationDate === undefined || !Number.isFinite(next.expirationDate)) {
      return 'Expires is not a valid date; choose a date or tick Session.';
    }
    if (next.expirationDate * 1000 <= nowMs) {
      return 'Expires is in the past, so the browser would delete the cookie instead of saving it. Use Delete to remove it, or choose a future date.';
    }
  }
  const missing = prefixViolations(next.name, next);
  if (missing.length > 0) {
    const prefix = next.name.slice(0, next.name.indexOf('-', 2) + 1) || next.name;
    return `Browsers refuse a ${prefix} cookie without ${missing.join(', ')}: a page could never set it.`;
  }
  return undefined;
}

/** Removes exactly `target`, restoring every other same-name cookie the browser removed with it. */
export async function removeExactly(store: CookieStore, target: Cookie): Promise<void> {
  const targetKey = cookieKey(target);
  const others = (await store.getAllNamed(target.name, target.storeId)).filter((c) => cookieKey(c) !== targetKey);
  await store.removeOnce(target);
  const remaining = new Set((await store.getAllNamed(target.name, target.storeId)).map(cookieKey));
  for (const other of others) {
    if (!remaining.has(cookieKey(other))) await store.write(other);
  }
  if (remaining.has(targetKey)) {
    throw new EditRefused(`The browser did not remove "${target.name}" (${target.domain}${target.path}).`);
  }
}

/**
 * Saves `next`, replacing `original` when given. Throws (EditRefused or the browser's error) with
 * everything as it was when the browser refuses.
 */
export async function saveCookie(
  store: CookieStore,
  original: Cookie | undefined,
  next: Cookie,
  nowMs: number = Date.now(),
): Promise<{ saved: Cookie; change: Change }> {
  const problem = preflight(next, nowMs);
  if (problem) throw new EditRefused(problem);

  const sameIdentity = original !== undefined && cookieKey(original) === cookieKey(next);
  // A rename onto an existing cookie overwrites it: remember it so undo can bring it back.
  const overwritten = sameIdentity ? undefined : await store.getExact(next);

  await store.write(next);
  const saved = await store.getExact(next);
  if (!saved) {
    // The browser said yes but kept nothing (or dropped the cookie we replaced): put back what was there.
    if (sameIdentity && original) await store.write(original);
    if (overwritten) await store.write(overwritten);
    throw new EditRefused(`The browser accepted "${next.name}" but did not store it.`);
  }

  if (original && !sameIdentity) await removeExactly(store, original);

  const before = [original, overwritten].filter((c): c is Cookie => c !== undefined);
  return { saved, change: { before, after: [saved] } };
}

export async function deleteCookies(store: CookieStore, targets: readonly Cookie[]): Promise<Change> {
  const removed: Cookie[] = [];
  for (const target of targets) {
    const current = await store.getExact(target);
    if (!current) continue;
    await removeExactly(store, current);
    removed.push(current);
  }
  return { before: removed, after: [] };
}

/** Undoes a change: takes away what it created, puts back what it replaced or deleted. */
export async function revert(store: CookieStore, change: Change): Promise<void> {
  for (const created of change.after) {
    if (await store.getExact(created)) await removeExactly(store, created);
  }
  for (const previous of change.before) await store.write(previous);
}
