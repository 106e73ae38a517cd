/**
 * Safe cookie edits: nothing is ever lost.
 * - Save writes the new cookie first; only if its identity changed, and only after the write
 *   succeeded and was read back, is the old one removed.
 * - Remove deletes exactly one cookie, putting back any same-name cookie the browser took with it
 *   (Chromium's `cookies.remove` deletes every same-name cookie that would be sent to the URL).
 * - Every change reports exactly what it changed, so it can be journaled and undone, even when a
 *   later step failed.
 * The store is injected, so these rules are unit-tested against fakes with each browser's quirks.
 */
import { prefixViolations } from '../core/prefix';
import { bareDomain, type Cookie, cookieKey } from '../model/cookie';
import { canonicalDomain, sameIdentity } from '../model/cookie-compare';
import { errorText } from '../error-text';
import { type Msg, msg } from '../i18n/msg';
import { word } from './words';
import { commaList, requirementText } from '../core/rules/rule';

export interface CookieStore {
  /** The stored cookie with this identity (details the request left open match anything). */
  getExact(cookie: Cookie): Promise<Cookie | undefined>;
  getAllNamed(name: string, storeId: string): Promise<Cookie[]>;
  /**
   * The cookies of the target's name a removal at its URL may take along, the target among them
   * when it is there (Chromium: one host's cookies, not the store's); undefined when the store cannot
   * tell (then `getAllNamed` answers).
   */
  getAlong?(target: Cookie): Promise<Cookie[] | undefined>;
  /** Every cookie of the store in one read (for a change to many cookies). */
  getAllIn?(storeId: string): Promise<Cookie[]>;
  /** Rejects with the browser's own message when the browser refuses. */
  write(cookie: Cookie): Promise<void>;
  removeOnce(cookie: Cookie): Promise<void>;
  /**
   * Removes exactly this cookie by writing it already expired, where that is quicker than
   * `removeOnce` (Chromium's `remove` walks the whole store; a write looks at one site's cookies).
   * The caller checks that it went, and falls back to `removeOnce`.
   */
  expireOnce?(cookie: Cookie): Promise<void>;
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

export interface Failure {
  cookie: Cookie;
  reason: string;
}

/**
 * What is certain without asking the browser: an expiry that is not a date, or is in the past (the
 * browser would delete the cookie instead of storing it). Changes to many cookies (import, restore,
 * harden, expiry) skip only these; everything else is tried, and the browser's answer reported.
 */
export function certainRefusal(next: Cookie, nowMs: number): Msg | undefined {
  if (next.session) return undefined;
  if (next.expirationDate === undefined || !Number.isFinite(next.expirationDate)) {
    return msg('bg_expires_invalid');
  }
  if (next.expirationDate * 1000 <= nowMs) {
    return msg('bg_expires_past');
  }
  return undefined;
}

/** What we refuse before asking the browser, because a browser would never let a page keep it. */
export function preflight(next: Cookie, nowMs: number): Msg | undefined {
  if (next.name === '' && next.value === '') return msg('bg_needs_name_or_value');
  if (/[\u0000-\u001f\u007f]/.test(next.name + next.value)) {
    return msg('bg_control_chars');
  }
  if (/[;=]/.test(next.name) || next.name.trim() !== next.name) {
    return msg('bg_name_chars');
  }
  if (next.value.includes(';')) return msg('bg_value_semicolon');
  if (!next.path.startsWith('/')) return msg('bg_path_slash');
  if (bareDomain(next) === '') return msg('bg_domain_required');
  const certain = certainRefusal(next, nowMs);
  if (certain) return certain;
  const missing = prefixViolations(next.name, next);
  if (missing.length > 0) {
    const prefix = next.name.slice(0, next.name.indexOf('-', 2) + 1) || next.name;
    return msg('bg_prefix_refused', prefix, commaList(missing.map(requirementText)));
  }
  return undefined;
}

/**
 * Removes exactly `target`, restoring every other same-name cookie the browser removed with it.
 * Throws only while the target is still there. Same-name cookies that went with it and could not be
 * written back are returned, so the caller can journal them (undo brings them back) and say so.
 */
export async function removeExactly(store: CookieStore, target: Cookie): Promise<{ lost: Failure[] }> {
  // What the removal may take, read the quick way (the removal's own URL) when that way sees the
  // target, so it sees whatever the removal takes and whether the target is gone; else every same-name cookie.
  const near = await store.getAlong?.(target);
  const byUrl = near?.some((c) => sameIdentity(target, c)) === true;
  const read = async () =>
    (byUrl ? await store.getAlong?.(target) : undefined) ?? store.getAllNamed(target.name, target.storeId);
  const others = (byUrl && near ? near : await read()).filter((c) => !sameIdentity(target, c));
  const gone = (list: Cookie[]) => !list.some((c) => sameIdentity(target, c));
  let remaining: Cookie[] | undefined;
  if (byUrl && store.expireOnce) {
    try {
      await store.expireOnce(target);
      remaining = await read();
    } catch {
      remaining = undefined;
    }
    if (remaining && !gone(remaining)) remaining = undefined;
  }
  if (!remaining) {
    await store.removeOnce(target);
    remaining = await read();
  }
  if (!gone(remaining)) {
    throw new EditRefused(word('bg_not_removed', target.name, `${target.domain}${target.path}`));
  }
  const left = new Set(remaining.map(cookieKey));
  const lost: Failure[] = [];
  for (const other of others) {
    if (left.has(cookieKey(other))) continue;
    try {
      await store.write(other);
    } catch (error) {
      lost.push({
        cookie: other,
        reason: word('bg_removed_along', target.name, errorText(error)),
      });
    }
  }
  return { lost };
}

/** A cookie value shortened for a message. */
export function shortValue(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** Why a save did not go ahead: the cookie is not what the form was opened on any more. */
export function saveConflictText(opened: Cookie, current: Cookie | null): string {
  return current
    ? word('bg_conflict_changed', opened.name, shortValue(current.value))
    : word('bg_conflict_deleted', opened.name);
}

export interface Saved {
  saved: Cookie;
  change: Change;
  /** Set when the cookie was saved but a later step did not work out (the old one is still there). */
  warning?: string;
}

/**
 * Saves `next`, replacing `original` when given. Throws (EditRefused or the browser's error) with
 * everything as it was when the browser refuses. With `tryAll` (changes to many cookies), only a
 * certain refusal is made before asking the browser: the browser decides the rest.
 */
export async function saveCookie(
  store: CookieStore,
  original: Cookie | undefined,
  asked: Cookie,
  nowMs: number = Date.now(),
  options: { tryAll?: boolean } = {},
): Promise<Saved> {
  const next = canonicalDomain(asked);
  const problem = options.tryAll ? certainRefusal(next, nowMs) : preflight(next, nowMs);
  if (problem) throw new EditRefused(word(problem));

  // Where the browser may store it: as asked, or host-only where the host can have no domain cookies
  // (localhost, an IP address, a public suffix): Chrome then stores it host-only, over whatever is there.
  const places = next.hostOnly ? [next] : [next, canonicalDomain({ ...next, hostOnly: true })];
  // What the write may overwrite, read before it: put back if the browser keeps nothing, journaled if it does.
  const there = new Map<string, Cookie>();
  for (const place of places) {
    const found = original && sameIdentity(place, original) ? original : await store.getExact(place);
    if (found) there.set(cookieKey(place), found);
  }

  await store.write(next);
  const isOurs = (c: Cookie) =>
    c.value === next.value && c.secure === next.secure && c.httpOnly === next.httpOnly && c.sameSite === next.sameSite;
  let saved: Cookie | undefined;
  let place: Cookie | undefined;
  for (const candidate of places) {
    const found = await store.getExact(candidate);
    if (found && (candidate === next || isOurs(found))) {
      saved = found;
      place = candidate;
      break;
    }
  }
  if (!saved || !place) {
    // The browser said yes but kept nothing (or dropped the cookie we replaced): put back what was there.
    for (const previous of there.values()) await store.write(previous);
    throw new EditRefused(word('bg_accepted_not_stored', next.name));
  }
  const moved = place === next ? undefined : word('bg_host_only', next.name, bareDomain(next));

  const replaced = there.get(cookieKey(place));
  const before = replaced ? [replaced] : [];
  const done = (warning?: string): Saved => {
    const text = [moved, warning].filter(Boolean).join(' ');
    return text
      ? { saved, change: { before, after: [saved] }, warning: text }
      : { saved, change: { before, after: [saved] } };
  };
  if (original && !sameIdentity(saved, original)) {
    try {
      const { lost } = await removeExactly(store, original);
      before.unshift(original, ...lost.map((l) => l.cookie));
      if (lost.length > 0) {
        const names = lost.map((l) => `${l.cookie.name} (${l.cookie.domain}${l.cookie.path})`).join(', ');
        return done(word('bg_saved_lost', saved.name, names));
      }
    } catch (error) {
      return done(
        word('bg_saved_both', saved.name, original.name, `${original.domain}${original.path}`, errorText(error)),
      );
    }
  }
  return done();
}

/** Deletes each cookie on its own: one that fails does not stop the others, and all are reported. */
export async function deleteCookies(
  store: CookieStore,
  targets: readonly Cookie[],
): Promise<{ change: Change; missing: Cookie[]; failed: Failure[] }> {
  const removed: Cookie[] = [];
  const missing: Cookie[] = [];
  const failed: Failure[] = [];
  for (const target of targets) {
    try {
      const current = await store.getExact(target);
      if (!current) {
        missing.push(target);
        continue;
      }
      const { lost } = await removeExactly(store, current);
      removed.push(current, ...lost.map((l) => l.cookie));
      failed.push(...lost);
    } catch (error) {
      failed.push({ cookie: target, reason: errorText(error) });
    }
  }
  return { change: { before: removed, after: [] }, missing, failed };
}
