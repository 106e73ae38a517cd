/**
 * The undo journal: recent deletes, edits and imports. Kept in `storage.session`, so it survives the
 * popup closing and the worker being stopped, and is gone when the browser quits (as the cookies it
 * would restore may be).
 */
import type { JournalEntry } from '../messages';
import type { Change } from './editor';
import { sessionValue } from './platform';

const LIMIT = 50;
const stored = sessionValue<JournalEntry[]>('undoJournal');

export async function listEntries(): Promise<JournalEntry[]> {
  const entries = await stored.get();
  return Array.isArray(entries) ? entries : [];
}

export async function record(label: string, change: Change): Promise<void> {
  if (change.before.length === 0 && change.after.length === 0) return;
  const entries = await listEntries();
  const id = (entries[0]?.id ?? 0) + 1;
  await stored.set([{ id, at: Date.now(), label, ...change }, ...entries].slice(0, LIMIT));
}

/** Removes and returns the newest entry. */
export async function takeNewest(): Promise<JournalEntry | undefined> {
  const [newest, ...rest] = await listEntries();
  if (newest) await stored.set(rest);
  return newest;
}

/** Puts an entry back on top (when its undo failed). */
export async function putBack(entry: JournalEntry): Promise<void> {
  await stored.set([entry, ...(await listEntries())].slice(0, LIMIT));
}
