/**
 * The undo journal: recent deletes, edits and imports. Kept in `storage.session`, so it survives the
 * popup closing and the worker being stopped, and is gone when the browser quits (as the cookies it
 * would restore may be). Falls back to memory where session storage is missing.
 */
import browser from 'webextension-polyfill';
import type { JournalEntry } from '../messages';
import type { Change } from './editor';

const KEY = 'undoJournal';
const LIMIT = 50;
let memory: JournalEntry[] = [];

function area() {
  return (browser.storage as { session?: typeof browser.storage.local } | undefined)?.session;
}

export async function listEntries(): Promise<JournalEntry[]> {
  const session = area();
  if (!session) return memory;
  const stored = (await session.get(KEY))[KEY];
  return Array.isArray(stored) ? (stored as JournalEntry[]) : [];
}

async function saveEntries(entries: JournalEntry[]): Promise<void> {
  const session = area();
  if (session) await session.set({ [KEY]: entries });
  else memory = entries;
}

export async function record(label: string, change: Change): Promise<void> {
  if (change.before.length === 0 && change.after.length === 0) return;
  const entries = await listEntries();
  const id = (entries[0]?.id ?? 0) + 1;
  await saveEntries([{ id, at: Date.now(), label, ...change }, ...entries].slice(0, LIMIT));
}

/** Removes and returns the newest entry. */
export async function takeNewest(): Promise<JournalEntry | undefined> {
  const [newest, ...rest] = await listEntries();
  if (newest) await saveEntries(rest);
  return newest;
}

/** Puts an entry back on top (when its undo failed). */
export async function putBack(entry: JournalEntry): Promise<void> {
  await saveEntries([entry, ...(await listEntries())].slice(0, LIMIT));
}
