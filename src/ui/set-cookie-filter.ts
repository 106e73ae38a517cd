/** View logic of the Set-Cookie log as pure functions: filtering and labels, in the reader's language. */
import { formatDate } from '../i18n/format';
import { type MessageId, plural } from '../i18n/msg';
import type { Verdict } from '../model/verdict';
import type { SetCookieEntry } from '../model/set-cookie-entry';
import { num, t, uiLocale } from './i18n';

export const VERDICTS: readonly Verdict[] = ['stored', 'replaced', 'deleted', 'rejected'];

/** `not-stored`: refused headers and headers that expired on arrival (nothing stored either way). */
export type VerdictFilter = Verdict | 'all' | 'not-stored';

export interface LogFilter {
  /** Part of the cookie name, case-insensitive; '' for every name. */
  name: string;
  verdict: VerdictFilter;
}

/** A header that stored nothing: refused, or deleted on arrival (not a deliberate delete of a cookie). */
export function storedNothing(entry: Pick<SetCookieEntry, 'verdict' | 'onArrival'>): boolean {
  return entry.verdict === 'rejected' || (entry.verdict === 'deleted' && entry.onArrival === true);
}

export function filterEntries(entries: readonly SetCookieEntry[], filter: LogFilter): SetCookieEntry[] {
  const name = filter.name.trim().toLowerCase();
  const verdictOk = (e: SetCookieEntry) =>
    filter.verdict === 'all' || (filter.verdict === 'not-stored' ? storedNothing(e) : e.verdict === filter.verdict);
  return entries.filter((e) => verdictOk(e) && (!name || e.name.toLowerCase().includes(name)));
}

/** The verdict in words: the Flask case reads "Not stored (expired on arrival)", not like a deliberate delete. */
export function verdictLabel(entry: Pick<SetCookieEntry, 'verdict' | 'onArrival'>): string {
  return t(entry.verdict === 'deleted' && entry.onArrival ? 'verdict_expired' : VERDICT_LABEL[entry.verdict]);
}

const VERDICT_LABEL: Record<Verdict, MessageId> = {
  stored: 'verdict_stored',
  replaced: 'verdict_replaced',
  deleted: 'verdict_deleted',
  rejected: 'verdict_refused',
};

const VERDICT_OPTION: Record<Verdict, MessageId> = {
  stored: 'vopt_stored',
  replaced: 'vopt_replaced',
  deleted: 'vopt_deleted',
  rejected: 'vopt_rejected',
};

/** A verdict as the log's filter menu names it: `stored`, `replaced`, `deleted`, `rejected` (en). */
export function verdictOption(verdict: Verdict): string {
  return t(VERDICT_OPTION[verdict]);
}

const OFFENDING: Record<string, string[]> = {
  'samesite-none-insecure': ['samesite'],
  'secure-from-insecure-origin': ['secure'],
  'domain-mismatch': ['domain'],
  'domain-public-suffix': ['domain'],
  'non-ascii-domain': ['domain'],
  'partitioned-insecure': ['partitioned'],
  'samesite-cross-site': ['samesite'],
};

/** The attributes (lower-case names) to mark inside the header text: what made it store nothing. */
export function offendingAttributes(entry: Pick<SetCookieEntry, 'verdict' | 'onArrival' | 'reason'>): string[] {
  if (entry.verdict === 'deleted') return ['expires', 'max-age'];
  return (entry.verdict === 'rejected' && entry.reason && OFFENDING[entry.reason]) || [];
}

const CLOCK: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
};

/** `12:03:04.120` (en), `12:03:04,120` (de), local time, as DevTools shows request times. */
/**
 * The mark after a text the log cut short (`header`, `name`), with its full length: ` [cut: 240,005
 * characters in all]`; '' for a text kept whole.
 */
export function cutMark(length: number | undefined): string {
  return length === undefined ? '' : ` ${t('fmt_log_cut', num(length))}`;
}

export function clockTime(ms: number): string {
  return formatDate(ms, uiLocale(), CLOCK);
}

const FRAME_LABEL: Record<SetCookieEntry['frameType'], MessageId> = {
  main_frame: 'frame_page',
  sub_frame: 'frame_frame',
  other: 'frame_sub',
};

/** Where the header came from, in words: `302 page`, `200 frame`, `script`. */
export function originLabel(entry: Pick<SetCookieEntry, 'source' | 'status' | 'frameType'>): string {
  if (entry.source === 'script') return t('origin_script');
  const redirect = entry.status >= 300 && entry.status < 400;
  return t(redirect ? 'origin_redirect' : 'origin', entry.status, t(FRAME_LABEL[entry.frameType]));
}

/** Says that the oldest entries were dropped to keep the log within its storage budget. */
export function logDroppedText(dropped: number): string {
  return t(plural('log_dropped', dropped, num(dropped)));
}
