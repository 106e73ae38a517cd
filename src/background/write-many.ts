/**
 * Writing many cookies as one undoable change (an import, a restore): each written through the safe
 * editor, each refusal reported with the browser's reason, cookies the browser evicts to make room
 * reported and journaled, and a cookie a protection rule covers never replaced.
 */
import type { ChangeNotes, CookieProblem } from '../messages';
import type { Cookie } from '../model/cookie';
import { sameState } from '../model/cookie-compare';
import { type Change, type CookieStore, saveCookie } from './editor';
import { begin, finish } from './intent';
import { identity } from './limits';
import { watchEvictions } from './platform';
import { problem, withReason } from './problems';
import { word } from './words';

export interface WriteManyOptions {
  /** What the journal says while it runs, and once done (given the number written). */
  label: { during: string; done: (written: number) => string };
  /** The change in a word, for the eviction note: `import`, `restore`. */
  what: 'import' | 'restore';
  /** Whether a rule protects a stored cookie: such a cookie is left as it is, and counted. */
  isProtected: (cookie: Cookie) => boolean;
  /** Leave (and count) cookies that are already exactly as asked, instead of writing them again. */
  skipUnchanged?: boolean;
}

export interface WriteManyOutcome extends ChangeNotes {
  written: number;
  failed: CookieProblem[];
  protectedKept: number;
  unchanged: number;
}

export async function writeMany(
  store: CookieStore,
  cookies: readonly Cookie[],
  storeId: string,
  options: WriteManyOptions,
): Promise<WriteManyOutcome> {
  const intent = await begin(store, options.label.during, cookies);
  const evictions = watchEvictions();
  // Keyed by identity, so the bookkeeping stays linear in the number of cookies.
  const originals = new Map<string, Cookie>();
  const written = new Map<string, Cookie>();
  const failed: CookieProblem[] = [];
  let protectedKept = 0;
  let unchanged = 0;
  for (const cookie of cookies) {
    try {
      const existing = await store.getExact(cookie);
      if (existing && options.isProtected(existing)) {
        protectedKept++;
        continue;
      }
      if (existing && options.skipUnchanged && sameState(existing, cookie) && existing.hostOnly === cookie.hostOnly) {
        unchanged++;
        continue;
      }
      const { change: one, warning } = await saveCookie(store, existing, cookie, Date.now(), { tryAll: true });
      // A cookie this change wrote earlier is not something to restore on undo; the original is.
      for (const b of one.before) if (!written.has(identity(b))) originals.set(identity(b), b);
      // And what it leaves is what it wrote last (Undo checks the cookie is still that).
      for (const w of one.after) written.set(identity(w), w);
      if (warning) failed.push(problem(cookie, warning));
    } catch (error) {
      failed.push(problem(cookie, withReason(error, cookie).message));
    }
  }
  // Cookies the browser evicted to make room are part of the change: reported, and Undo brings them back.
  const evicted = (await evictions.stop()).filter((c) => c.storeId === storeId && !written.has(identity(c)));
  for (const c of evicted) originals.set(identity(c), c);
  const change: Change = { before: [...originals.values()], after: [...written.values()] };
  for (const c of evicted)
    failed.push(problem(c, word(options.what === 'import' ? 'bg_evicted_import' : 'bg_evicted_restore')));
  const notes = await finish({ ...intent, label: options.label.done(change.after.length) }, change);
  return { written: change.after.length, failed, protectedKept, unchanged, ...notes };
}
