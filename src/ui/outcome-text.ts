/**
 * What the workbench says after an action (save, delete, undo, a jump, a dialog that would not load),
 * as pure functions of the action's result. Text only: nothing here produces HTML.
 */
import { errorText } from '../error-text';
import { cookieCount } from './format';
import type { ChangeNotes, ImportOutcome, ResponseOf } from '../messages';
import type { Cookie } from '../model/cookie';

/** A message for the status line; `error` shows it as an alert. */
export interface Outcome {
  text: string;
  error: boolean;
  /** A journal entry of changes the site made since: the user restores it anyway, or keeps the cookies as they are. */
  conflictEntry?: number;
  /** The bar offers Undo for this change. */
  undoable?: boolean;
  /** What a screen reader hears instead of `text`, where the text names Undo the live region announces itself. */
  spoken?: string;
}

// The two a first screen needs live with the display helpers, so this module loads only after an action.
export { cookieCount, cookieNotFoundOutcome } from './format';

/** The undo journal's label for deleting one cookie (Undo's tooltip names it). */
export function deleteLabel(cookie: Pick<Cookie, 'name'>): string {
  return `Deleted ${cookie.name}`;
}

/** The undo journal's label for "Delete all". */
export function deleteAllLabel(count: number, host: string): string {
  return count === 1 ? `Deleted the only cookie of ${host}` : `Deleted all ${count} cookies of ${host}`;
}

/** What the "Delete all" dialog asks before anything is deleted; protected cookies are kept, and it says so. */
export function deleteAllQuestion(count: number, host: string, protectedCount = 0): string {
  if (protectedCount > 0) {
    const deleting = count - protectedCount;
    const kept = `${protectedCount === 1 ? 'The protected one is' : `The ${protectedCount} protected ones are`} kept.`;
    if (deleting <= 0) return `Every cookie of ${host} is protected: nothing would be deleted.`;
    return `Delete ${cookieCount(deleting)} of ${host}? ${kept} Undo brings ${deleting === 1 ? 'it' : 'them'} back.`;
  }
  return `Delete ${count === 1 ? 'the only cookie' : `all ${count} cookies`} of ${host}? Undo brings ${count === 1 ? 'it' : 'them'} back.`;
}

/** "kept 1 protected": how many protected cookies a change left alone. */
export function protectedKeptText(count: number): string {
  return `kept ${count} protected`;
}

/** What editing or deleting a protected cookie asks first. */
export function protectedQuestion(action: 'edit' | 'delete', name: string): string {
  return action === 'edit'
    ? `${name} is protected. Edit it anyway?`
    : `${name} is protected. Delete it anyway? Undo brings it back.`;
}

/** What Protect and Unprotect did. */
export function protectionOutcome(name: string, on: boolean, covering = 1): Outcome {
  if (on) return { text: `Protected ${name}: Delete all and imports leave it alone.`, error: false };
  return covering > 1
    ? {
        text: `Unprotected ${name} (${covering} rules covered it; others they covered are unprotected too).`,
        error: false,
      }
    : { text: `Unprotected ${name}.`, error: false };
}

/** Unprotect found no rule of the cookie's site that covers it. */
export function notProtectedOutcome(name: string, site: string): Outcome {
  return { text: `No protection rule of ${site} covers ${name}.`, error: true };
}

/** What an import wrote, what the browser refused, and the protected cookies it left as they were. */
export function importOutcomeText({ written, failed, protectedKept }: ImportOutcome): string {
  const parts = [`Imported ${cookieCount(written)}.`];
  for (const f of failed) parts.push(`${f.name} (${f.domain}${f.path}) was refused: ${f.reason}`);
  if (protectedKept) {
    parts.push(
      `Kept ${protectedKept === 1 ? '1 protected cookie' : `${protectedKept} protected cookies`} as ${protectedKept === 1 ? 'it was' : 'they were'}.`,
    );
  }
  return parts.join(' ');
}

/**
 * Exactly what a delete did: removed, already gone, or refused (with the reason). An error when
 * nothing was removed, something was refused, or the change came with a warning.
 */
export function removeOutcome(cookies: readonly Pick<Cookie, 'name'>[], result: ResponseOf<'cookies/delete'>): Outcome {
  const { removed, missing, failed, warning } = result;
  const kept = result.protectedKept ?? 0;
  const one = cookies.length === 1 ? cookies[0]?.name : undefined;
  const parts: string[] = [];
  let deleted: string | undefined;
  if (kept > 0) {
    // "Deleted 5 cookies · kept 1 protected": the bar's Undo follows.
    parts.push(
      `${removed > 0 ? `Deleted ${one ?? cookieCount(removed)}` : 'Deleted nothing'} · ${protectedKeptText(kept)}`,
    );
  } else if (removed > 0) {
    const what = one ?? cookieCount(removed);
    deleted = `Deleted ${what}.`;
    parts.push(`${deleted}${warning ? '' : ` Undo brings ${removed === 1 ? 'it' : 'them'} back.`}`);
  }
  if (missing > 0)
    parts.push(
      one !== undefined ? `${one} was already gone.` : `${missing} ${missing === 1 ? 'was' : 'were'} already gone.`,
    );
  for (const f of failed) parts.push(`${f.name} (${f.domain}${f.path}) could not be deleted: ${f.reason}`);
  if (warning) parts.push(warning);
  if (kept > 0 && parts.length > 1) parts[0] = `${parts[0]}.`;
  const outcome: Outcome = {
    text: parts.join(' '),
    error: (removed === 0 && kept === 0) || failed.length > 0 || Boolean(warning),
  };
  // Heard as "Deleted sid. Undo available.": the live region says Undo is there.
  if (deleted !== undefined && !outcome.error) outcome.spoken = [deleted, ...parts.slice(1)].join(' ');
  return outcome;
}

/**
 * What Undo did: nothing, everything, or all but the cookies it could not bring back and those the
 * site changed since (which it left alone, offering to restore them anyway).
 */
export function undoOutcome({ undone, problems, conflicts, conflictEntry }: ResponseOf<'journal/undo'>): Outcome {
  if (!undone) return { text: 'Nothing to undo.', error: false };
  const left = [...problems, ...conflicts.map((c) => c.message)];
  const outcome: Outcome =
    left.length > 0
      ? { text: `Undone: ${undone}, except: ${left.join(' ')}`, error: true }
      : { text: `Undone: ${undone}.`, error: false };
  if (conflictEntry !== undefined) outcome.conflictEntry = conflictEntry;
  return outcome;
}

/** The user kept the cookies the site changed instead of restoring them. */
export function keptOutcome(): Outcome {
  return { text: 'Kept the cookies as they are now.', error: false };
}

/** A saved cookie; a warning (the save stands, something around it did not) replaces the message. */
export function saveOutcome({ saved, warning }: { saved: Pick<Cookie, 'name'> } & ChangeNotes): Outcome {
  return warning ? { text: warning, error: true } : { text: `Saved ${saved.name}.`, error: false };
}

/** The import or export dialog's code could not be loaded. */
export function transferFailedOutcome(which: 'import' | 'export', error: unknown): Outcome {
  return { text: `Could not load ${which}: ${errorText(error)}`, error: true };
}

/** What an import preview holds: "1 cookie to write (1 new, 0 replacing existing), 1 row with errors." */
export function importSummary(count: number, replaced: number, errors: number): string {
  return `${cookieCount(count)} to write (${count - replaced} new, ${replaced} replacing existing), ${errors} ${errors === 1 ? 'row' : 'rows'} with errors.`;
}
