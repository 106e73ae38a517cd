/** What the popup says about Set-Cookie headers that stored nothing. Text only. */
import type { NotStoredHeader } from '../messages';

/** "1 Set-Cookie header was not stored", "2 Set-Cookie headers were not stored". */
export function notStoredHeading(count: number): string {
  return count === 1 ? '1 Set-Cookie header was not stored' : `${count} Set-Cookie headers were not stored`;
}

/** Short causes of a refusal, by reason id; the log entry's message says it in full. */
const REFUSED: Record<string, string> = {
  empty: 'no name and no value',
  'control-characters': 'control characters',
  'too-large': 'over 4096 bytes',
  'secure-from-insecure-origin': 'Secure from an http: page',
  'samesite-none-insecure': 'SameSite=None without Secure',
  'domain-mismatch': 'Domain does not match the site',
  'domain-public-suffix': 'Domain is a public suffix',
  'invalid-prefix': 'prefix rules not met',
  'nameless-prefix': 'nameless, value looks like a prefix',
  'overwrite-secure': 'would overwrite a Secure cookie',
  'overwrite-httponly': 'would overwrite an HttpOnly cookie',
  'httponly-from-script': 'HttpOnly from script',
  'partitioned-insecure': 'Partitioned without Secure',
  'non-ascii-domain': 'non-ASCII Domain',
  'samesite-cross-site': 'SameSite cookie from a cross-site response',
  'nameless-with-equals': 'nameless with "=" in the value',
  'third-party-blocked': 'third-party cookies blocked',
  'blocked-by-browser': 'blocked by the browser',
};

function attribute(header: string, name: string): string | undefined {
  for (const part of header.split(';').slice(1)) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim().toLowerCase() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The cause in a few words: `expired on arrival (Expires 1970)`, `refused: SameSite=None without Secure`. */
export function notStoredCause(entry: Pick<NotStoredHeader, 'verdict' | 'reason' | 'header'>): string {
  if (entry.verdict !== 'rejected') {
    const maxAge = attribute(entry.header, 'max-age');
    if (maxAge !== undefined) return `expired on arrival (Max-Age=${maxAge})`;
    const expires = attribute(entry.header, 'expires');
    const year = expires ? new Date(expires).getUTCFullYear() : Number.NaN;
    return `expired on arrival${Number.isFinite(year) ? ` (Expires ${year})` : ''}`;
  }
  return `refused: ${(entry.reason && REFUSED[entry.reason]) || 'by the browser'}`;
}

/** One line per header text: a page loaded three times sent the same refused header three times. */
export function distinctHeaders(entries: readonly NotStoredHeader[]): NotStoredHeader[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.header) && Boolean(seen.add(e.header)));
}
