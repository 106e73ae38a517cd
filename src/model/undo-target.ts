/**
 * Which journal entry a plain Undo acts on, of entries newest first: the newest that neither failed
 * before (the browser refused it) nor waits for the user to settle a conflict, so a change the
 * browser refuses forever does not block older ones; when only such entries are left, the newest
 * that failed. The background undoes it, and the pages name it on the Undo button.
 */
export function undoTarget<E extends { stuck?: boolean; conflict?: boolean }>(entries: readonly E[]): E | undefined {
  return entries.find((e) => !e.stuck && !e.conflict) ?? entries.find((e) => !e.conflict);
}
