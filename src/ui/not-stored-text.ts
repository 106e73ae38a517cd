/** What the popup says about Set-Cookie headers that stored nothing, in the reader's language. Text only. */
import { type MessageId, plural } from '../i18n/msg';
import type { NotStoredHeader } from '../messages';
import { t } from './i18n';

/** "1 Set-Cookie header was not stored", "2 Set-Cookie headers were not stored". */
export function notStoredHeading(count: number): string {
  return t(plural('not_stored_heading', count, count));
}

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
    if (maxAge !== undefined) return t('not_stored_expired_max_age', `Max-Age=${maxAge}`);
    const expires = attribute(entry.header, 'expires');
    const year = expires ? new Date(expires).getUTCFullYear() : Number.NaN;
    return Number.isFinite(year) ? t('not_stored_expired_expires', `Expires ${year}`) : t('not_stored_expired');
  }
  // Short causes of a refusal are the catalogue's `refused_<reason id>`; the log entry's message says it in full.
  const cause = entry.reason ? t(`refused_${entry.reason.replace(/-/g, '_')}` as MessageId) : '';
  return cause ? t('not_stored_refused', cause) : t('not_stored_refused_by_browser');
}

/** One line per header text: a page loaded three times sent the same refused header three times. */
export function distinctHeaders(entries: readonly NotStoredHeader[]): NotStoredHeader[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.header) && Boolean(seen.add(e.header)));
}
