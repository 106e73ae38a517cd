/** View logic of the Set-Cookie log as pure functions: filtering and labels. */
import type { Verdict } from '../model/verdict';
import type { SetCookieEntry } from '../model/set-cookie-entry';

export const VERDICTS: readonly Verdict[] = ['stored', 'replaced', 'deleted', 'rejected'];

export interface LogFilter {
  /** Part of the cookie name, case-insensitive; '' for every name. */
  name: string;
  verdict: Verdict | 'all';
}

export function filterEntries(entries: readonly SetCookieEntry[], filter: LogFilter): SetCookieEntry[] {
  const name = filter.name.trim().toLowerCase();
  return entries.filter(
    (e) => (filter.verdict === 'all' || e.verdict === filter.verdict) && (!name || e.name.toLowerCase().includes(name)),
  );
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
