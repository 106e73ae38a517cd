/**
 * The cookie-date algorithm of RFC 6265 §5.1.1 (unchanged in RFC 6265bis §5.1.1).
 *
 * Our own small parser rather than tough-cookie's: tough-cookie is ~764 KB of dist with its own copy of
 * tldts, and it implements RFC 6265, not 6265bis (no 400-day cap, no prefixes, no Partitioned), so we
 * would have had to wrap most of it anyway. This file is the date half; see parse.ts for the rest.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/**
 * delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E. Everything else (digits, letters, ':',
 * other controls and every non-ASCII character) belongs to a date-token.
 */
function isDelimiter(code: number): boolean {
  return (
    code === 0x09 ||
    (code >= 0x20 && code <= 0x2f) ||
    (code >= 0x3b && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

/** Splits the text into date-tokens (maximal runs of non-delimiters). */
export function dateTokens(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const ch of text) {
    if (isDelimiter(ch.codePointAt(0) ?? 0)) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

// Each production may be followed by a non-digit and then anything (`( non-digit *OCTET )`).
const TIME = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D[\s\S]*)?$/;
const DAY_OF_MONTH = /^(\d{1,2})(?:\D[\s\S]*)?$/;
const YEAR = /^(\d{2,4})(?:\D[\s\S]*)?$/;

function monthOf(token: string): number | undefined {
  const index = MONTHS.indexOf(token.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return index === -1 ? undefined : index;
}

/**
 * Parses an `Expires` value with the cookie-date algorithm. Returns null when the algorithm fails
 * (a missing part, an out-of-range field, a year before 1601, or a day the month does not have).
 */
export function parseCookieDate(text: string): Date | null {
  let time: [number, number, number] | undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;

  for (const token of dateTokens(text)) {
    if (time === undefined) {
      const m = TIME.exec(token);
      if (m) {
        time = [Number(m[1]), Number(m[2]), Number(m[3])];
        continue;
      }
    }
    if (day === undefined) {
      const m = DAY_OF_MONTH.exec(token);
      if (m) {
        day = Number(m[1]);
        continue;
      }
    }
    if (month === undefined) {
      const m = monthOf(token);
      if (m !== undefined) {
        month = m;
        continue;
      }
    }
    if (year === undefined) {
      const m = YEAR.exec(token);
      if (m) {
        year = Number(m[1]);
      }
    }
  }

  if (time === undefined || day === undefined || month === undefined || year === undefined) return null;
  // Two-digit years: 70-99 are 1970-1999, 00-69 are 2000-2069.
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;

  const [hour, minute, second] = time;
  if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) return null;

  const ms = Date.UTC(year, month, day, hour, minute, second);
  const date = new Date(ms);
  // Date.UTC rolls 31 Feb over into March: such a date does not exist, so the algorithm fails.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) return null;
  return date;
}
