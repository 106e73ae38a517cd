/**
 * The undo journal: recent deletes, edits and imports, each tied to its cookie store and the sites
 * of the cookies it touched, so Undo in one window never reaches another store (a private window's
 * cookies stay out of a normal window's Undo) and shows the current site's changes by default.
 * Kept in `storage.session`: it survives the popup closing and the worker being stopped, and is
 * gone when the browser quits. Bounded per store and in bytes, so it never fills session storage.
 */
import { jsonBytes } from '../core/set-cookie-log';
import { cookieSite } from '../core/site';
import { undoTarget } from '../model/undo-target';
import type { JournalEntry } from '../messages';
import type { Change } from './editor';
import { sessionValue } from './platform';
import { word, wordMegabytes } from './words';

/** Entries kept per cookie store. */
export const LIMIT_PER_STORE = 50;
/** Bytes (of JSON) the whole journal may take in session storage, which it shares with the Set-Cookie log. */
export const JOURNAL_BYTES = 4 * 1024 * 1024;

const stored = sessionValue<JournalEntry[]>('undoJournal');

/**
 * Where Undo looks: one store, and the sites of one page (its top-level site and its frames' sites);
 * without `sites`, the whole store (the manager page).
 */
export interface JournalScope {
  storeId: string;
  sites?: readonly string[];
}

function inScope(entry: JournalEntry, scope: JournalScope): boolean {
  const { sites } = scope;
  return entry.storeId === scope.storeId && (!sites || entry.sites.some((site) => sites.includes(site)));
}

export async function allEntries(): Promise<JournalEntry[]> {
  const entries = await stored.get();
  // Entries from before the journal knew its stores are left out rather than offered everywhere.
  return Array.isArray(entries) ? entries.filter((e) => typeof e.storeId === 'string' && Array.isArray(e.sites)) : [];
}

/** The entries Undo may act on in this scope, newest first (not the changes still under way). */
export async function listEntries(scope: JournalScope): Promise<JournalEntry[]> {
  return (await allEntries()).filter((e) => !e.pending && inScope(e, scope));
}

/** Keeps the newest entries within the per-store limit and the byte budget. */
function bounded(entries: JournalEntry[]): JournalEntry[] {
  const perStore = new Map<string, number>();
  const kept = entries.filter((e) => {
    const n = (perStore.get(e.storeId) ?? 0) + 1;
    perStore.set(e.storeId, n);
    return n <= LIMIT_PER_STORE;
  });
  while (kept.length > 1 && jsonBytes(kept) > JOURNAL_BYTES) kept.pop();
  return kept;
}

/** One change's largest entry: a third of the budget, so that its Undo's note (about twice its size) fits too. */
export const ENTRY_BYTES = Math.floor(JOURNAL_BYTES / 3);

/**
 * Every write goes through here, one at a time: each reads the journal, changes it and writes it
 * back, and two of them interleaved (a change finishing while a private session is purged) would
 * bring back what the other removed.
 */
let writing: Promise<unknown> = Promise.resolve();
function update<T>(change: (entries: JournalEntry[]) => { entries: JournalEntry[]; result: T }): Promise<T> {
  const run = writing.then(async () => {
    const { entries, result } = change(await allEntries());
    await stored.set(entries);
    return result;
  });
  writing = run.catch(() => undefined);
  return run;
}

export type NewEntry = Omit<JournalEntry, 'id' | 'at' | 'sites'>;

function withSites(entry: NewEntry, id: number, at: number): JournalEntry {
  const sites = [...new Set([...entry.before, ...entry.after, ...(entry.planned ?? [])].map(cookieSite))];
  return { ...entry, sites, id, at };
}

/** The bytes an entry will take once kept (to check a change's entry fits before the change acts). */
export function entryBytes(entry: NewEntry): number {
  return jsonBytes(withSites(entry, Number.MAX_SAFE_INTEGER, Date.now()));
}

/** An entry as kept: with the sites of every cookie it names, and within its size. */
function complete(entry: NewEntry, id: number, at: number): JournalEntry {
  const full = withSites(entry, id, at);
  const size = jsonBytes(full);
  if (size > ENTRY_BYTES) {
    throw new Error(word('bg_entry_too_large', wordMegabytes(size)));
  }
  return full;
}

const nextId = (entries: readonly JournalEntry[]) => Math.max(0, ...entries.map((e) => e.id)) + 1;

/**
 * Journals a change; returns its id (undefined when the change changed nothing and is not pending).
 * `replacing` names an entry the new one takes the place of, in the same write.
 */
export async function record(entry: NewEntry, replacing?: number): Promise<number | undefined> {
  if (entry.before.length === 0 && entry.after.length === 0 && !entry.pending) return undefined;
  return update((entries) => {
    const full = complete(entry, nextId(entries), Date.now());
    return { entries: bounded([full, ...entries.filter((e) => e.id !== replacing)]), result: full.id };
  });
}

/** Replaces a pending entry with the change it became (keeping its id and place). */
export async function settle(id: number, entry: NewEntry): Promise<void> {
  await update((entries) => ({
    entries: bounded(entries.map((e) => (e.id === id ? complete(entry, id, e.at) : e))),
    result: undefined,
  }));
}

/** Replaces an entry (by id) with another, or drops it when `next` is undefined, in one write. */
export async function replace(id: number, next: JournalEntry | undefined): Promise<void> {
  await replaceWith(id, next ? [next] : []);
}

/** Replaces an entry with new ones (numbered afresh), at the top, in one write; returns their ids. */
export async function replaceWith(id: number, next: ReadonlyArray<Omit<JournalEntry, 'id'>>): Promise<number[]> {
  return update((entries) => {
    let n = nextId(entries);
    const fresh = next.map((e) => ({ ...e, id: n++ }));
    return { entries: bounded([...fresh, ...entries.filter((e) => e.id !== id)]), result: fresh.map((e) => e.id) };
  });
}

/**
 * Takes the entry Undo acts on off the journal: the one asked for, or the newest in scope that
 * neither failed before nor waits for the user to settle a conflict (so a change the browser
 * refuses forever does not block older ones); when only such entries are left, the newest of them.
 */
export async function take(scope: JournalScope, id?: number): Promise<JournalEntry | undefined> {
  const chosen = await pick(scope, id);
  if (chosen) await replace(chosen.id, undefined);
  return chosen;
}

/** The entry Undo would act on (as `take` chooses it), left on the journal. */
export async function pick(scope: JournalScope, id?: number): Promise<JournalEntry | undefined> {
  const entries = await listEntries(scope);
  return id !== undefined ? entries.find((e) => e.id === id) : undoTarget(entries);
}

/** Puts what an undo left undone back at the top, as a new entry; returns its id. */
export async function putBack(entry: Omit<JournalEntry, 'id'>): Promise<number> {
  return update((entries) => {
    const id = nextId(entries);
    return { entries: bounded([{ ...entry, id }, ...entries]), result: id };
  });
}

/** Forgets every entry of the stores `drop` names (a private session that ended). */
export async function purgeStores(drop: (storeId: string) => boolean): Promise<number> {
  return update((entries) => {
    const kept = entries.filter((e) => !drop(e.storeId));
    return { entries: kept, result: entries.length - kept.length };
  });
}

/** What a change did, as the journal keeps it: its store is its cookies' store. */
export function entryFor(label: string, change: Change, storeId?: string): NewEntry {
  return {
    label,
    storeId: storeId ?? (change.before[0] ?? change.after[0])?.storeId ?? '',
    before: change.before,
    after: change.after,
  };
}
