/** Expiry times and sizes as the rows show them, in the reader's language (Intl). Text only. */
import { formatBytes, formatDate, formatRelative } from '../i18n/format';
import { t, uiLocale, uiLookup } from './i18n';

/** "in 3 days", "2 hours ago", "in under a minute": whole units, rounded down. */
export function relativeTime(targetMs: number, nowMs: number): string {
  return formatRelative(targetMs, nowMs, uiLocale(), uiLookup());
}

/** Local date and time in the user's locale, e.g. "Mar 5, 2025, 2:07 PM". */
export function absoluteLocalTime(ms: number): string {
  if (!Number.isFinite(new Date(ms).getTime())) return t('time_invalid_date');
  return formatDate(ms, uiLocale());
}

/** "512 B", "4.0 KB", "1.2 MB" (1 KB = 1024 B). */
export function byteSize(n: number): string {
  return formatBytes(n, uiLocale());
}
