/**
 * Numbers, sizes, dates and relative times in the reader's language, with `Intl`. Every helper takes
 * the locale (a BCP 47 tag such as `en` or `de-DE`) from its caller; nothing here asks the browser.
 */
import { type Lookup, msg, formatMsg } from './msg';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

/** Formatters are costly to make and every row asks for one: one per locale and options, kept. */
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** `1,234` (en), `1.234` (de). */
export function formatNumber(n: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(n);
}

/** A date and time in the reader's local time zone: `Mar 5, 2025, 2:07 PM` (en), `05.03.2025, 14:07` (de). */
export function formatDate(
  ms: number,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options)).format(ms);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * `in 3 days`, `2 hours ago` (en), `in 3 Tagen`, `vor 2 Stunden` (de): whole units, rounded down;
 * under a minute and unknown times are worded from the catalogue through `lookup`.
 */
export function formatRelative(targetMs: number, nowMs: number, locale: string, lookup: Lookup): string {
  const diff = targetMs - nowMs;
  if (!Number.isFinite(diff)) return formatMsg(msg('time_unknown'), lookup, locale);
  const abs = Math.abs(diff);
  const unit = UNITS.find(([, ms]) => abs >= ms);
  if (!unit) return formatMsg(msg(diff >= 0 ? 'time_in_under_a_minute' : 'time_under_a_minute_ago'), lookup, locale);
  const count = Math.floor(abs / unit[1]);
  const rtf = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }));
  return rtf.format(diff >= 0 ? count : -count, unit[0]);
}
