/**
 * Changes that survive the worker being stopped in the middle. Before a change acts, a pending
 * journal entry records every cookie it may touch (each name's cookies in the store, since
 * Chromium's remove takes same-name cookies along); when it is done, the entry becomes the change's
 * undo entry. An entry still pending when the worker starts was interrupted: every cookie it held
 * that is gone now is written back (so each cookie ends in its old or its new state), and the
 * entry becomes undoable, or, for an interrupted Undo, the entry being undone is put back.
 */
import { errorText } from '../error-text';
import type { ChangeNotes, JournalEntry } from '../messages';
import { domainMatches } from '../core/site';
import { pathMatches } from '../core/set-cookie/path';
import { type Cookie, hostOfDomain } from '../model/cookie';
import { canonicalDomain, sameIdentity } from '../model/cookie-compare';
import type { Change, CookieStore } from './editor';
import { word, wordMegabytes } from './words';
import { allEntries, ENTRY_BYTES, entryBytes, entryFor, record, replace, settle } from './journal';

/** A change about to act; `id` is its pending journal entry (none when there was nothing to lose). */
export interface Intent {
  id: number | undefined;
  label: string;
}

/**
 * Whether a change aimed at `target` may touch `c`: the same cookie (or where the browser may store
 * it host-only instead), or a same-name cookie Chromium's remove takes along (one it would send to
 * the target's URL).
 */
function mayTouch(target: Cookie, c: Cookie): boolean {
  if (c.name !== target.name || c.storeId !== target.storeId) return false;
  if (sameIdentity(target, c) || sameIdentity(canonicalDomain({ ...target, hostOnly: true }), c)) return true;
  const host = hostOfDomain(target.domain);
  const domainOk = c.hostOnly ? hostOfDomain(c.domain) === host : domainMatches(host, c.domain);
  return domainOk && pathMatches(target.path, c.path);
}

/** Past this many names, `begin` reads the whole store once instead of each name's cookies. */
export const MAX_NAMED_READS = 2;

/** A cookie's identity without its value: enough to find it again, small to keep. */
function identityOnly(c: Cookie): Cookie {
  return { ...c, value: '' };
}

/**
 * Records what a change may touch before it acts (for an Undo, `resume` is the entry it undoes,
 * which the note replaces). Throws when that cannot be saved: the change must then not run, or an
 * interruption could lose cookies.
 *
 * `writes` are the cookies the change will write (by default `touches`; none for a delete). The
 * change's undo entry holds the cookies it replaces with their values and what it wrote; a change
 * whose entry would not fit the journal is refused here, before anything is written, rather than
 * done and left without an Undo (its replaced values lost).
 */
export async function begin(
  store: CookieStore,
  label: string,
  touches: readonly Cookie[],
  resume?: JournalEntry,
  writes: readonly Cookie[] = touches,
): Promise<Intent> {
  const storeId = touches[0]?.storeId ?? '';
  const byName = new Map<string, Cookie[]>();
  for (const t of touches) byName.get(t.name)?.push(t) ?? byName.set(t.name, [t]);
  // Each name's cookies: with many names, from one read of the store (a read by name walks the whole
  // store in Chromium, so one per name would make a change to many cookies quadratic).
  let named: (name: string) => Promise<Cookie[]> = (name) => store.getAllNamed(name, storeId);
  if (byName.size > MAX_NAMED_READS && store.getAllIn) {
    const all = new Map<string, Cookie[]>();
    for (const c of await store.getAllIn(storeId)) {
      if (byName.has(c.name)) all.get(c.name)?.push(c) ?? all.set(c.name, [c]);
    }
    named = async (name) => all.get(name) ?? [];
  }
  const before: Cookie[] = [];
  for (const [name, targets] of byName) {
    before.push(...(await named(name)).filter((c) => targets.some((t) => mayTouch(t, c))));
  }
  if (!resume) {
    const size = entryBytes({ label, storeId, before, after: [...writes] });
    if (size > ENTRY_BYTES) {
      throw new Error(word('bg_too_large_undo', wordMegabytes(size), wordMegabytes(ENTRY_BYTES)));
    }
  }
  if (before.length === 0 && !resume) return { id: undefined, label };
  try {
    // An Undo's note takes the place of the entry it undoes in one write: never both, never neither.
    const id = await record(
      {
        label,
        storeId,
        before,
        after: [],
        pending: true,
        planned: resume ? [] : writes.map(identityOnly),
        ...(resume ? { resume } : {}),
      },
      resume?.id,
    );
    return { id, label };
  } catch (error) {
    throw new Error(word('bg_cannot_note', errorText(error)));
  }
}

/**
 * The change is done: its pending entry becomes its undo entry (or goes, when it changed nothing).
 * A journal that cannot be written (storage full, a change too large) must not turn a done change
 * into an error: it becomes a warning instead, and the note is dropped, so that recovery does not
 * later undo a change the user was told is done.
 */
export async function finish(intent: Intent, change: Change): Promise<ChangeNotes> {
  try {
    const empty = change.before.length === 0 && change.after.length === 0;
    if (intent.id === undefined) await record(entryFor(intent.label, change));
    else if (empty) await replace(intent.id, undefined);
    else await settle(intent.id, entryFor(intent.label, change));
    return {};
  } catch (error) {
    const dropped = intent.id === undefined ? Promise.resolve() : replace(intent.id, undefined);
    await dropped.catch(() => {});
    return { warning: word('bg_done_no_undo', errorText(error)) };
  }
}

/**
 * The change failed part-way: every cookie its note holds that is gone now is written back, then the
 * note goes. (What the failed change did write stays; the error says what happened.)
 */
export async function abort(store: CookieStore, intent: Intent): Promise<void> {
  if (intent.id === undefined) return;
  const entry = (await allEntries()).find((e) => e.id === intent.id);
  if (entry) await restoreMissing(store, entry.before);
  await replace(intent.id, undefined);
}

async function restoreMissing(store: CookieStore, cookies: readonly Cookie[]): Promise<void> {
  for (const previous of cookies) {
    if (await store.getExact(previous)) continue;
    try {
      await store.write(previous);
    } catch (error) {
      console.warn('Cookie Lens: could not bring back', previous.name, errorText(error));
    }
  }
}

/**
 * Finishes or rolls back every change the worker was stopped in the middle of. Returns the labels of
 * the changes it found, for the log.
 */
export async function recover(store: CookieStore): Promise<string[]> {
  const interrupted = (await allEntries()).filter((e) => e.pending);
  for (const entry of interrupted) {
    await restoreMissing(store, entry.before);
    if (entry.resume) {
      // An interrupted Undo: what it undid so far is rolled back above; the change is undoable again.
      const { id: _id, at: _at, sites: _sites, ...again } = entry.resume;
      await record(again, entry.id);
      continue;
    }
    const after: Cookie[] = [];
    for (const planned of entry.planned ?? []) {
      const now = await store.getExact(planned);
      if (now && !after.some((c) => sameIdentity(c, now))) after.push(now);
    }
    const { pending: _p, planned: _planned, ...rest } = entry;
    await replace(entry.id, { ...rest, label: word('bg_label_interrupted', entry.label), after });
  }
  return interrupted.map((e) => e.label);
}
