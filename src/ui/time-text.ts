/** Expiry times as the rows show them (sizes: byte-size.ts), in the reader's language (Intl). Text only. */
import { formatDate, formatRelative } from '../i18n/format';
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
