/**
 * cookies.txt, the Netscape format curl, wget, yt-dlp and Python's MozillaCookieJar read: one cookie
 * per line, seven TAB-separated fields
 * `domain  includeSubdomains  path  secure  expiry  name  value`, where expiry is unix seconds and
 * `0` means a session cookie. An HttpOnly cookie's line starts with `#HttpOnly_` (curl's extension).
 *
 * Lossless: name, value, domain, hostOnly, path, secure, httpOnly, session, and expirationDate to
 * the whole second (written rounded down). Not kept: sameSite (back as `unspecified`), storeId
 * (`options.defaultStoreId`, else `'0'`), partitionKey and firstPartyDomain (absent).
 */
import { msg } from '../../i18n/msg';
import { bareDomain, type Cookie } from '../../model/cookie';
import { domainProblem, nameProblem, valueProblem } from './header';
import { type ImportOptions, isFull, type Parsed } from './types';

const HTTP_ONLY = '#HttpOnly_';

/** Matches the header comment curl, wget and Python write (and Python requires on the first line). */
export const NETSCAPE_MAGIC = /^#\s*(?:Netscape\s+)?HTTP\s+Cookie\s+File/i;

/** The line without its `#HttpOnly_` marker, split on tabs. */
export function netscapeFields(line: string): string[] {
  return (line.startsWith(HTTP_ONLY) ? line.slice(HTTP_ONLY.length) : line).split('\t');
}

/**
 * A domain cookie is written with a leading dot and TRUE, a host-only cookie without the dot and
 * FALSE (`hostOnly` decides, whatever the stored domain looks like). A cookie with a tab or line
 * break in a field cannot be written; it becomes a comment line saying so.
 */
export function toNetscape(cookies: readonly Cookie[]): string {
  const lines = [
    '# Netscape HTTP Cookie File',
    '# Written by Cookie Lens. Fields: domain, include subdomains, path, secure, expiry (unix seconds, 0 = session), name, value.',
    '# A line starting with #HttpOnly_ is an HttpOnly cookie.',
    '',
  ];
  cookies.forEach((c, i) => {
    if ([c.name, c.value, c.domain, c.path].some((f) => /[\t\r\n]/.test(f))) {
      lines.push(`# Cookie ${i + 1} skipped: a tab or line break cannot be written in cookies.txt`);
      return;
    }
    const host = bareDomain(c);
    const expiry = c.session || c.expirationDate === undefined ? 0 : Math.max(1, Math.floor(c.expirationDate));
    lines.push(
      [
        (c.httpOnly ? HTTP_ONLY : '') + (c.hostOnly ? host : `.${host}`),
        c.hostOnly ? 'FALSE' : 'TRUE',
        c.path,
        c.secure ? 'TRUE' : 'FALSE',
        String(expiry),
        c.name,
        c.value,
      ].join('\t'),
    );
  });
  return `${lines.join('\n')}\n`;
}

function flag(text: string): boolean | undefined {
  const upper = text.toUpperCase();
  return upper === 'TRUE' ? true : upper === 'FALSE' ? false : undefined;
}

/**
 * Skips blank and comment lines (not `#HttpOnly_` ones); one error per malformed line. The
 * include-subdomains flag decides host-only as curl does: TRUE gives `.domain`, FALSE the bare
 * host. An empty expiry (Python writes one for session cookies) also means session.
 */
export function parseNetscape(lines: readonly string[], options: ImportOptions): Parsed {
  const result: Parsed = { rows: [], errors: [] };
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    const where = msg('fmt_where_line', line);
    const trimmed = text.trim();
    if (trimmed === '' || (trimmed.startsWith('#') && !text.startsWith(HTTP_ONLY))) continue;
    if (isFull(result, line, where)) return result;
    const fields = netscapeFields(text);
    if (fields.length !== 7) {
      const spaces = fields.length < 7 && / /.test(text);
      result.errors.push({ line, where, reason: msg(spaces ? 'fmt_e_fields_spaces' : 'fmt_e_fields', fields.length) });
      continue;
    }
    const [domainField, subdomains, path, secureText, expiry, name, value] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const includeSubdomains = flag(subdomains);
    const secure = flag(secureText);
    const problem =
      domainProblem(domainField) ??
      (includeSubdomains === undefined ? msg('fmt_e_subdomains', subdomains) : undefined) ??
      (path.startsWith('/') ? undefined : msg('fmt_e_path_slash', path)) ??
      (secure === undefined ? msg('fmt_e_secure_flag', secureText) : undefined) ??
      (/^\d*$/.test(expiry) ? undefined : msg('fmt_e_expiry_seconds', expiry)) ??
      nameProblem(name) ??
      valueProblem(value) ??
      (name + value === '' ? msg('fmt_e_empty_pair') : undefined);
    if (problem) {
      result.errors.push({ line, where, reason: problem });
      continue;
    }
    const host = bareDomain({ domain: domainField });
    const seconds = Number(expiry);
    const cookie: Cookie = {
      name,
      value,
      domain: includeSubdomains ? `.${host}` : host,
      hostOnly: !includeSubdomains,
      path,
      secure: secure === true,
      httpOnly: text.startsWith(HTTP_ONLY),
      sameSite: 'unspecified',
      session: seconds === 0,
      storeId: options.defaultStoreId ?? '0',
    };
    if (seconds !== 0) cookie.expirationDate = seconds;
    result.rows.push({ cookie, line, where });
  }
  return result;
}
