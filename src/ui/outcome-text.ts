/**
 * What the workbench says after an action (save, delete, undo, a jump, a dialog that would not load),
 * as pure functions of the action's result. Text only: nothing here produces HTML.
 */
import { errorText } from '../error-text';
import { plural } from '../i18n/msg';
import { cookieCount } from './format';
import { num, t } from './i18n';
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

// The count a first screen needs lives with the display helpers, so this module loads only after an action.
export { cookieCount } from './format';

/** The undo journal's label for deleting one cookie (Undo's tooltip names it). */
export function deleteLabel(cookie: Pick<Cookie, 'name'>): string {
  return t('deleted_name', cookie.name);
}

/** The undo journal's label for "Delete all". */
export function deleteAllLabel(count: number, host: string): string {
  return t(plural('deleted_all', count, host, num(count)));
}

/** "Undo brings it back.", "Undo brings them back." */
const undoBrings = (count: number) => t(plural('undo_brings', count));

/** What the "Delete all" dialog asks before anything is deleted; protected cookies are kept, and it says so. */
export function deleteAllQuestion(count: number, host: string, protectedCount = 0): string {
  if (protectedCount > 0) {
    const deleting = count - protectedCount;
    if (deleting <= 0) return t('all_protected', host);
    const kept = t(plural('protected_kept', protectedCount, num(protectedCount)));
    return t('delete_some_question', cookieCount(deleting), host, kept, undoBrings(deleting));
  }
  return t(plural('delete_all_question', count, host, num(count)));
}

/** "kept 1 protected": how many protected cookies a change left alone. */
export function protectedKeptText(count: number): string {
  return t(plural('kept_protected', count, num(count)));
}

/** What editing or deleting a protected cookie asks first. */
export function protectedQuestion(action: 'edit' | 'delete', name: string): string {
  return action === 'edit' ? t('protected_edit_question', name) : t('protected_delete_question', name);
}

/** What Protect and Unprotect did. */
export function protectionOutcome(name: string, on: boolean, covering = 1): Outcome {
  if (on) return { text: t('protected_outcome', name), error: false };
  return covering > 1
    ? { text: t('unprotected_many', name, num(covering)), error: false }
    : { text: t('unprotected_outcome', name), error: false };
}

/** Unprotect found no rule of the cookie's site that covers it. */
export function notProtectedOutcome(name: string, site: string): Outcome {
  return { text: t('not_protected', site, name), error: true };
}

/** What an import wrote, what the browser refused, and the protected cookies it left as they were. */
export function importOutcomeText({ written, failed, protectedKept }: ImportOutcome): string {
  const parts = [t('imported', cookieCount(written))];
  for (const f of failed) parts.push(t('import_refused', f.name, `${f.domain}${f.path}`, f.reason));
  if (protectedKept) parts.push(t(plural('import_kept_protected', protectedKept, num(protectedKept))));
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
    const head = removed > 0 ? t('deleted_name', one ?? cookieCount(removed)) : t('deleted_nothing');
    parts.push(`${head} · ${protectedKeptText(kept)}`);
  } else if (removed > 0) {
    deleted = t('deleted_sentence', one ?? cookieCount(removed));
    parts.push(warning ? deleted : `${deleted} ${undoBrings(removed)}`);
  }
  if (missing > 0) parts.push(one !== undefined ? t('gone_name', one) : t(plural('gone', missing, num(missing))));
  for (const f of failed) parts.push(t('delete_refused', f.name, `${f.domain}${f.path}`, f.reason));
  if (warning) parts.push(warning);
  if (kept > 0 && parts.length > 1) parts[0] = t('sentence', parts[0] ?? '');
  const outcome: Outcome = {
    text: parts.join(' '),
    error: (removed === 0 && kept === 0) || failed.length > 0 || Boolean(warning),
  };
  // Heard as "Deleted sid. Undo available.": the live region says Undo is there.
  if (deleted !== undefined && !outcome.error) outcome.spoken = [deleted, ...parts.slice(1)].join(' ');
  // Nothing deleted (all protected): Undo would reach an older, unrelated change.
  if (removed === 0 && !outcome.error) outcome.undoable = false;
  return outcome;
}

/**
 * What Undo did: nothing, everything, or all but the cookies it could not bring back and those the
 * site changed since (which it left alone, offering to restore them anyway).
 */
export function undoOutcome({ undone, problems, conflicts, conflictEntry }: ResponseOf<'journal/undo'>): Outcome {
  if (!undone) return { text: t('nothing_to_undo_sentence'), error: false };
  const left = [...problems, ...conflicts.map((c) => c.message)];
  const outcome: Outcome =
    left.length > 0
      ? { text: t('undone_except', undone, left.join(' ')), error: true }
      : { text: t('undone', undone), error: false };
  if (conflictEntry !== undefined) outcome.conflictEntry = conflictEntry;
  return outcome;
}

/** The user kept the cookies the site changed instead of restoring them. */
export function keptOutcome(): Outcome {
  return { text: t('kept_as_now'), error: false };
}

/** A saved cookie; a warning (the save stands, something around it did not) replaces the message. */
export function saveOutcome({ saved, warning }: { saved: Pick<Cookie, 'name'> } & ChangeNotes): Outcome {
  return warning ? { text: warning, error: true } : { text: t('saved', saved.name), error: false };
}

/** The import or export dialog's code could not be loaded. */
export function transferFailedOutcome(which: 'import' | 'export', error: unknown): Outcome {
  return { text: t(which === 'import' ? 'import_load_failed' : 'export_load_failed', errorText(error)), error: true };
}

/** What an import preview holds: "1 cookie to write (1 new, 0 replacing existing), 1 row with errors." */
export function importSummary(count: number, replaced: number, errors: number): string {
  const rows = t(plural('error_rows', errors, num(errors)));
  return t('import_summary', cookieCount(count), num(count - replaced), num(replaced), rows);
}
