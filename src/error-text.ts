/** What to show of a thrown value: its message when it is an Error, else its text. Never throws. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
