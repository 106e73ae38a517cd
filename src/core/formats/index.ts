/**
 * Import and export of cookies as text. Pure and dependency-free (loaded by the popup's export and
 * import dialogs).
 *
 * What each format keeps (a round trip returns these fields unchanged; the rest come back as defaults):
 *
 * | format   | kept                                                                                   | comes back as default |
 * |----------|----------------------------------------------------------------------------------------|-----------------------|
 * | json     | every field: name, value, domain, hostOnly, path, secure, httpOnly, sameSite, session, expirationDate, storeId, partitionKey, firstPartyDomain | – |
 * | netscape | name, value, domain, hostOnly, path, secure, httpOnly, session, expirationDate (whole seconds) | sameSite `unspecified`, storeId, no partitionKey / firstPartyDomain |
 * | header   | name, value (in order)                                                                 | domain = `defaultDomain` host-only, path `/`, session, not Secure/HttpOnly, sameSite `unspecified`, storeId |
 * | playwright | name, value, domain, hostOnly (the leading dot), path, secure, httpOnly, session, expirationDate, sameSite none/lax/strict, partitionKey | sameSite `unspecified` comes back `lax`; storeId, firstPartyDomain |
 * | puppeteer | name, value, domain, hostOnly (the leading dot), path, secure, httpOnly, session, expirationDate, sameSite, partitionKey | storeId, firstPartyDomain |
 * | selenium | (read as JSON) name, value, domain, hostOnly, path, secure, httpOnly, session, expirationDate (whole seconds), sameSite (but None without Secure) | storeId, partitionKey, firstPartyDomain |
 *
 * Export only (never detected on import): `curl`, `httpie` and `fetch` write a request to
 * `options.url` carrying the cookies a browser would send there (name and value only), and
 * `set-cookie` one `Set-Cookie:` header per cookie.
 *
 * storeId defaults to `options.defaultStoreId`, else `'0'` (Chrome's default store).
 */
import { localNumber, type Msg, type MsgArg, msg } from '../../i18n/msg';
import { type Cookie, cookieKey } from '../../model/cookie';
import { parseHeader, toHeader } from './header';
import { isJsonText, jsonKind, parseJson, toJson } from './json';
import { toCurl, toFetch, toHttpie, toSetCookieLines } from './commands';
import { toPlaywright, toPuppeteer, toSelenium } from './tools';
import { NETSCAPE_MAGIC, netscapeFields, parseNetscape, toNetscape } from './netscape';
import {
  type CookieFormat,
  type ExportOptions,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  MAX_IMPORT_ROWS,
} from './types';

export type { CookieFormat, ExportOptions, ImportError, ImportFormat, ImportOptions, ImportResult } from './types';
export { MAX_IMPORT_ROWS } from './types';

/**
 * Longest text importCookies reads, in characters (UTF-16 code units): 5 MB. A cookies.txt of 10,000
 * cookies (MAX_IMPORT_ROWS) with 4 KB values fits twice over; reading stays well under a second.
 */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

/**
 * The cookies as text in `format`. curl, httpie and fetch need `options.url` (they throw without a
 * URL that parses) and carry only the cookies a browser sends to it.
 */
export function exportCookies(cookies: readonly Cookie[], format: CookieFormat, options: ExportOptions = {}): string {
  switch (format) {
    case 'json':
      return toJson(cookies);
    case 'netscape':
      return toNetscape(cookies);
    case 'header':
      return toHeader(cookies);
    case 'playwright':
      return toPlaywright(cookies);
    case 'puppeteer':
      return toPuppeteer(cookies);
    case 'selenium':
      return toSelenium(cookies);
    case 'curl':
      return toCurl(cookies, options);
    case 'httpie':
      return toHttpie(cookies, options);
    case 'fetch':
      return toFetch(cookies, options);
    case 'set-cookie':
      return toSetCookieLines(cookies);
  }
}

function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

/** One tchar of RFC 9110 (an ASCII letter, digit or one of `!#$%&'*+-.^_`|~`). */
const TOKEN_CHAR = /^[\w!#$%&'*+.^`|~-]$/;

/** A token, optional whitespace, `=`, then no tab: the first pair of a Cookie header line. */
function startsWithPair(text: string): boolean {
  let end = 0;
  while (end < text.length && TOKEN_CHAR.test(text.charAt(end))) end++;
  if (end === 0) return false;
  const rest = text.slice(end).trimStart();
  return rest.startsWith('=') && !rest.includes('\t');
}

/**
 * A Cookie header line: an optional `Cookie:`, then a first pair whose name is a token (RFC 9110), `=`,
 * and no tab. The language of `/^\s*(?:cookie\s*:)?\s*[token]+\s*=[^\t]*$/i`, written as a scan: in
 * that regex two whitespace runs could share the spaces in every way, so 20,000 spaces took seconds
 * (issue 11). `trimStart` removes exactly what `\s` matches.
 */
function isHeaderLine(line: string): boolean {
  const start = line.trimStart();
  if (startsWithPair(start)) return true;
  if (!/^cookie/i.test(start)) return false;
  const afterName = start.slice('cookie'.length).trimStart();
  return afterName.startsWith(':') && startsWithPair(afterName.slice(1).trimStart());
}

/**
 * JSON when the text starts with `[` or `{` (Playwright's storageState and Puppeteer's cookies told
 * apart by their members); cookies.txt when a line is the Netscape header comment or has 7
 * tab-separated fields; a Cookie header when every non-blank line looks like `a=b; c=d`.
 */
export function detectFormat(text: string): ImportFormat | 'unknown' {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (isJsonText(start)) return jsonKind(start);
  const lines = linesOf(text);
  if (lines.some((l) => NETSCAPE_MAGIC.test(l) || netscapeFields(l).length === 7)) return 'netscape';
  const filled = lines.filter((l) => l.trim() !== '');
  return filled.length > 0 && filled.every(isHeaderLine) ? 'header' : 'unknown';
}

function secondsText(seconds: number): MsgArg {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? msg('fmt_e_unix_seconds', String(seconds)) : date.toISOString();
}

/**
 * Detects the format and reads every cookie it can. Never throws: each bad entry or line gives one
 * error and is skipped. Also skipped with an error: a cookie already expired at `options.now`, and a
 * cookie with the same identity (cookieKey) as an earlier one, which would replace it in the browser.
 * Refused whole, with one error: text over MAX_IMPORT_CHARS (5 MB) and more than MAX_IMPORT_ROWS
 * (10,000) entries, so a huge paste cannot freeze the page.
 */
export function importCookies(input: string, options: ImportOptions = {}): ImportResult {
  const text = typeof input === 'string' ? input : ''; // a JS caller may pass the clipboard's undefined
  if (text.length > MAX_IMPORT_CHARS) {
    const reason = msg('fmt_e_too_long', localNumber(MAX_IMPORT_CHARS));
    return { format: 'unknown', cookies: [], errors: [{ line: 1, where: msg('fmt_where_line', 1), reason }] };
  }
  // JSON is parsed once, by parseJson, which also tells which tool wrote it.
  const json = isJsonText(text.replace(/^\uFEFF/, '').trimStart()) ? parseJson(text.replace(/^\uFEFF/, ''), options) : undefined;
  const format = json ? json.kind : detectFormat(text);
  if (format === 'unknown') {
    const reason = msg(text.trim() === '' ? 'fmt_e_nothing' : 'fmt_e_unknown_format');
    return { format, cookies: [], errors: [{ line: 1, where: msg('fmt_where_line', 1), reason }] };
  }
  const parsed = json ?? (format === 'netscape' ? parseNetscape(linesOf(text), options) : parseHeader(linesOf(text), options));
  if (parsed.overflow) {
    const reason = msg('fmt_e_too_many', localNumber(MAX_IMPORT_ROWS));
    return { format, cookies: [], errors: [{ ...parsed.overflow, reason }] };
  }
  const errors = [...parsed.errors];
  const cookies: Cookie[] = [];
  const now = options.now ?? Date.now();
  const seen = new Map<string, Msg>();
  for (const { cookie, line, where } of parsed.rows) {
    const expiry = cookie.expirationDate;
    if (!cookie.session && expiry !== undefined && expiry * 1000 <= now) {
      errors.push({
        line,
        where,
        reason: msg('fmt_e_expired', secondsText(expiry)),
      });
      continue;
    }
    const key = cookieKey(cookie);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, where, reason: msg('fmt_e_duplicate', first) });
      continue;
    }
    seen.set(key, where);
    cookies.push(cookie);
  }
  errors.sort((a, b) => a.line - b.line);
  return { format, cookies, errors };
}
