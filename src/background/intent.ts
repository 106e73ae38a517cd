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
import { type Cookie, sameIdentity } from '../model/cookie';
import type { Change, CookieStore } from './editor';
import { allEntries, entryFor, record, replace, settle } from './journal';

/** A change about to act; `id` is its pending journal entry (none when there was nothing to lose). */
export interface Intent {
  id: number | undefined;
  label: string;
}

/**
 * Records what a change may touch before it acts (for an Undo, `resume` is the entry it undoes,
 * which the note replaces). Throws when that cannot be saved: the change must
 * then not run, or an interruption could lose cookies.
 */
export async function begin(
  store: CookieStore,
  label: string,
  touches: readonly Cookie[],
  resume?: JournalEntry,
): Promise<Intent> {
  const storeId = touches[0]?.storeId ?? '';
  const before: Cookie[] = [];
  for (const name of new Set(touches.map((c) => c.name))) before.push(...(await store.getAllNamed(name, storeId)));
  if (before.length === 0 && !resume) return { id: undefined, label };
  try {
    // An Undo's note takes the place of the entry it undoes in one write: never both, never neither.
    const id = await record(
      { label, storeId, before, after: [], pending: true, planned: [...touches], ...(resume ? { resume } : {}) },
      resume?.id,
    );
    return { id, label };
  } catch (error) {
    throw new Error(`Nothing was changed: Cookie Lens could not first note what the change touches (${errorText(error)}).`);
  }
}

/**
 * The change is done: its pending entry becomes its undo entry (or goes, when it changed nothing).
 * A journal that cannot be written (storage full) must not turn a done change into an error: it
 * becomes a warning instead.
 */
export async function finish(intent: Intent, change: Change): Promise<ChangeNotes> {
  try {
    const empty = change.before.length === 0 && change.after.length === 0;
    if (intent.id === undefined) await record(entryFor(intent.label, change));
    else if (empty) await replace(intent.id, undefined);
    else await settle(intent.id, entryFor(intent.label, change));
    return {};
  } catch (error) {
    return { warning: `Done, but it cannot be undone: the undo journal could not be saved (${errorText(error)}).` };
  }
}

/**
 * Finishes or rolls back every change the worker was stopped in the middle of. Returns the labels of
 * the changes it found, for the log.
 */
export async function recover(store: CookieStore): Promise<string[]> {
  const interrupted = (await allEntries()).filter((e) => e.pending);
  for (const entry of interrupted) {
    for (const previous of entry.before) {
      if (await store.getExact(previous)) continue;
      try {
        await store.write(previous);
      } catch (error) {
        console.warn('Cookie Lens: could not bring back', previous.name, errorText(error));
      }
    }
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
    await replace(entry.id, { ...rest, label: `${entry.label} (interrupted)`, after });
  }
  return interrupted.map((e) => e.label);
}
