/**
 * Undo: takes the journal entry the user means, reverts it where each cookie is still what the
 * change left, and keeps what it could not do on the journal: refused parts to try again (without
 * blocking older entries), and parts the site changed since for the user to restore anyway or keep.
 */
import { errorText } from '../error-text';
import type { JournalEntry, ResponseOf } from '../messages';
import type { CookieStore } from './editor';
import { revert } from './revert';
import { begin } from './intent';
import { type JournalScope, pick, putBack, replace } from './journal';

const base = (label: string) => label.replace(/ \((the rest|changed since)\)$/, '');

export async function undo(
  store: CookieStore,
  scope: JournalScope,
  request: { entryId?: number; force?: boolean },
): Promise<ResponseOf<'journal/undo'>> {
  const entry = await pick(scope, request.entryId);
  if (!entry) return { undone: null, problems: [], conflicts: [] };
  // The entry is swapped for a note of the Undo: should the worker stop half-way, the entry comes
  // back and what was undone so far is rolled back.
  const intent = await begin(store, entry.label, [...entry.before, ...entry.after], entry);
  const { expired, failed, retry, conflicts, conflicted } = await revert(store, entry, { force: request.force === true });
  if (intent.id !== undefined) await replace(intent.id, undefined).catch(() => {});
  const problems = [
    ...expired.map((c) => `${c.name} (${c.domain}${c.path}) expired in the meantime, so it was not brought back.`),
    ...failed.map((f) => `${f.cookie.name} (${f.cookie.domain}${f.cookie.path}): ${f.reason}`),
  ];
  const { stuck: _s, conflict: _c, id: _id, ...rest } = entry;
  const keep = async (next: Omit<JournalEntry, 'id'>): Promise<number | undefined> => {
    try {
      return await putBack(next);
    } catch (error) {
      problems.push(`What could not be undone cannot be tried again: the undo journal could not be saved (${errorText(error)}).`);
      return undefined;
    }
  };
  // What the browser refused stays undoable, passed over while there is other work to undo.
  if (retry.before.length > 0 || retry.after.length > 0) {
    await keep({ ...rest, label: `${base(entry.label)} (the rest)`, ...retry, stuck: true });
  }
  let conflictEntry: number | undefined;
  if (conflicted.before.length > 0 || conflicted.after.length > 0) {
    conflictEntry = await keep({ ...rest, label: `${base(entry.label)} (changed since)`, ...conflicted, conflict: true });
  }
  const answer: ResponseOf<'journal/undo'> = {
    undone: entry.label,
    problems,
    conflicts: conflicts.map(({ cookie, message }) => ({ name: cookie.name, domain: cookie.domain, path: cookie.path, message })),
  };
  if (conflictEntry !== undefined) answer.conflictEntry = conflictEntry;
  return answer;
}
