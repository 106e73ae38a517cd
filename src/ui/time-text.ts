/** Expiry times and sizes as the rows show them. Text only. */

const UNITS: [string, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 days", "2 hours ago", "in under a minute": whole units, rounded down. */
export function relativeTime(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  if (!Number.isFinite(diff)) return 'unknown';
  const abs = Math.abs(diff);
  const unit = UNITS.find(([, ms]) => abs >= ms);
  const span = unit ? `${Math.floor(abs / unit[1])} ${unit[0]}${abs >= 2 * unit[1] ? 's' : ''}` : 'under a minute';
  return diff >= 0 ? `in ${span}` : `${span} ago`;
}

/** Built once: a DateTimeFormat is costly to make, and every row with an expiry asks for one. */
let localFormat: Intl.DateTimeFormat | undefined;

/** Local date and time in the user's locale, e.g. "Mar 5, 2025, 2:07 PM". */
export function absoluteLocalTime(ms: number): string {
  if (!Number.isFinite(new Date(ms).getTime())) return 'invalid date';
  localFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return localFormat.format(ms);
}

/** "512 B", "4.0 KB", "1.2 MB" (1 KB = 1024 B). */
export function byteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
