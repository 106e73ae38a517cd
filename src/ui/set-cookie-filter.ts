/** View logic of the Set-Cookie log as pure functions: filtering and labels. */
import type { Verdict } from '../model/verdict';
import type { SetCookieEntry } from '../model/set-cookie-entry';

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
  if (entry.verdict === 'deleted' && entry.onArrival) return 'Not stored (expired on arrival)';
  if (entry.verdict === 'rejected') return 'Not stored (refused)';
  return entry.verdict[0]?.toUpperCase() + entry.verdict.slice(1);
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

/** `12:03:04.120`, local time, as DevTools shows request times. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

const FRAME_LABEL = { main_frame: 'page', sub_frame: 'frame', other: 'subresource' } as const;

/** Where the header came from, in words: `302 page`, `200 frame`, `script`. */
export function originLabel(entry: Pick<SetCookieEntry, 'source' | 'status' | 'frameType'>): string {
  if (entry.source === 'script') return 'script';
  const redirect = entry.status >= 300 && entry.status < 400 ? ' redirect' : '';
  return `${entry.status}${redirect} ${FRAME_LABEL[entry.frameType]}`;
}

/** Says that the oldest entries were dropped to keep the log within its storage budget. */
export function logDroppedText(dropped: number): string {
  return `${dropped.toLocaleString('en')} older ${dropped === 1 ? 'entry was' : 'entries were'} dropped to keep the log within its 4 MB of storage.`;
}
