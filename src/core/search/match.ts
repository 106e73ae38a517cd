/** Whether a cookie passes the search and the filters. Built to run per keystroke over ~3,300 cookies. */
import type { Cookie } from '../../model/cookie';
import type { Finding } from '../types';
import { DAY_MS, type SearchFilters, utf8Length, WEEK_MS } from './filters';
import type { SearchQuery } from './query';

function passesFilters(filters: SearchFilters, cookie: Cookie, findings: readonly Finding[], now: number): boolean {
  if (filters.secure !== undefined && cookie.secure !== filters.secure) return false;
  if (filters.httpOnly !== undefined && cookie.httpOnly !== filters.httpOnly) return false;
  if (filters.hostOnly !== undefined && cookie.hostOnly !== filters.hostOnly) return false;
  if (filters.sameSite && filters.sameSite.length > 0 && !filters.sameSite.includes(cookie.sameSite)) return false;
  if (filters.lifetime !== undefined && cookie.session !== (filters.lifetime === 'session')) return false;
  if (filters.partitioned !== undefined && (cookie.partitionKey !== undefined) !== filters.partitioned) return false;
  if (filters.expiringWithin !== undefined) {
    if (cookie.session || cookie.expirationDate === undefined) return false;
    const within = filters.expiringWithin === 'day' ? DAY_MS : WEEK_MS;
    if (cookie.expirationDate * 1000 - now > within) return false;
  }
  if (filters.overBytes !== undefined && utf8Length(cookie.name) + utf8Length(cookie.value) <= filters.overBytes) {
    return false;
  }
  if (filters.severity && filters.severity.length > 0) {
    let found = false;
    for (const f of findings) {
      if (filters.severity.includes(f.severity)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Whether `cookie` (with its own findings, `findingsOfCookie`) matches every term of `query` and
 * every filter set in `filters`. `now` (milliseconds since the epoch) is for the expiry filters.
 */
export function matchCookie(
  query: SearchQuery,
  filters: SearchFilters,
  cookie: Cookie,
  findingsOfCookie: readonly Finding[],
  now: number,
): boolean {
  if (!passesFilters(filters, cookie, findingsOfCookie, now)) return false;
  for (const term of query.terms) {
    if (term.test(cookie, findingsOfCookie) === term.negate) return false;
  }
  return true;
}
