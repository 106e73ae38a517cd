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
import { type JournalScope, pick, putBack, replace, replaceWith } from './journal';
import { word } from './words';

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
  const { expired, failed, retry, conflicts, conflicted } = await revert(store, entry, {
    force: request.force === true,
  });
  const problems = [
    ...expired.map((c) => word('bg_undo_expired', c.name, `${c.domain}${c.path}`)),
    ...failed.map((f) => `${f.cookie.name} (${f.cookie.domain}${f.cookie.path}): ${f.reason}`),
  ];
  const { stuck: _s, conflict: _c, id: _id, base: _b, ...rest } = entry;
  // The change's own label, whatever an earlier Undo added to it.
  const base = entry.base ?? entry.label;
  const left: Array<Omit<JournalEntry, 'id'>> = [];
  // What the browser refused stays undoable, passed over while there is other work to undo.
  if (retry.before.length > 0 || retry.after.length > 0) {
    left.push({ ...rest, label: word('bg_label_rest', base), base, ...retry, stuck: true });
  }
  // What the site changed since waits for the user: restore anyway, or keep.
  const hasConflicts = conflicted.before.length > 0 || conflicted.after.length > 0;
  if (hasConflicts)
    left.push({ ...rest, label: word('bg_label_changed_since', base), base, ...conflicted, conflict: true });
  // The Undo's note gives way to what is left, in one write: a stop in between loses neither.
  let ids: number[] = [];
  try {
    ids = intent.id === undefined ? await Promise.all(left.map((e) => putBack(e))) : await replaceWith(intent.id, left);
  } catch (error) {
    if (left.length > 0) {
      problems.push(word('bg_undo_journal_lost', errorText(error)));
    }
    if (intent.id !== undefined) await replace(intent.id, undefined).catch(() => {});
  }
  const conflictEntry = hasConflicts ? ids.at(-1) : undefined;
  const answer: ResponseOf<'journal/undo'> = {
    undone: entry.label,
    problems,
    conflicts: conflicts.map(({ cookie, message }) => ({
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      message,
    })),
  };
  if (conflictEntry !== undefined) answer.conflictEntry = conflictEntry;
  return answer;
}
