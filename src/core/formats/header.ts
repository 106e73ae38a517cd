/**
 * The `Cookie` request header form, `name=value; name2=value2`, plus the checks every format shares
 * on names, values and domains (what a browser would refuse to store).
 *
 * Lossless: name and value only. Import puts every cookie on `options.defaultDomain` (host-only),
 * path `/`, session, not Secure, not HttpOnly, SameSite unspecified.
 */
import { type Msg, msg } from '../../i18n/msg';
import type { Cookie } from '../../model/cookie';
import { type ImportOptions, isFull, type Parsed } from './types';

/** Control characters other than HTAB (browsers reject them; HTAB is allowed inside a value). */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Why a browser would not store a cookie with this name, or undefined when it would. */
export function nameProblem(name: string): Msg | undefined {
  if (CONTROL.test(name) || name.includes('\t')) return msg('fmt_e_name_control');
  if (/[;=]/.test(name)) return msg('fmt_e_name_separator');
  if (name !== name.trim()) return msg('fmt_e_name_space');
  return undefined;
}

/** Why a browser would not store a cookie with this value, or undefined when it would. */
export function valueProblem(value: string): Msg | undefined {
  if (CONTROL.test(value)) return msg('fmt_e_value_control');
  if (value.includes(';')) return msg('fmt_e_value_semicolon');
  return undefined;
}

/** Why this is not a cookie domain (`example.com`, `.example.com`, `127.0.0.1`, `[::1]`), or undefined. */
export function domainProblem(domain: string): Msg | undefined {
  const host = domain.startsWith('.') ? domain.slice(1) : domain;
  if (host === '') return msg('fmt_e_domain_empty');
  if (/[\s\x00-\x1f\x7f/\\?#@,;"'<>()=*%]/.test(host)) return msg('fmt_e_domain_char');
  if (host.startsWith('.') || host.includes('..')) return msg('fmt_e_domain_label');
  return undefined;
}

/** `name=value; name2=value2`, in the order given. A nameless cookie is written as its bare value, as browsers send it. */
export function toHeader(cookies: readonly Cookie[]): string {
  return cookies.map((c) => (c.name === '' ? c.value : `${c.name}=${c.value}`)).join('; ');
}

/**
 * Reads one or more Cookie header lines (an optional `Cookie:` prefix is ignored). A pair without `=`
 * is a nameless cookie, as RFC 6265bis reads it. Error rows say `line N, pair K`.
 */
export function parseHeader(lines: readonly string[], options: ImportOptions): Parsed {
  const given = options.defaultDomain?.trim() ?? '';
  const problem = given === '' ? msg('fmt_e_header_no_domain') : domainProblem(given);
  if (problem) {
    const reason = msg('fmt_e_header_choose_site', problem);
    return { rows: [], errors: [{ line: 1, where: msg('fmt_where_line', 1), reason }] };
  }
  const domain = (given.startsWith('.') ? given.slice(1) : given).toLowerCase();
  const result: Parsed = { rows: [], errors: [] };
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    const body = text.replace(/^\s*cookie\s*:/i, '');
    // Pair by pair with indexOf rather than split(';'): a line of a million `;` stops at the row cap
    // without first making a million strings. Same pairs as split(';').
    for (let from = 0, k = 1; from <= body.length; k++) {
      const semicolon = body.indexOf(';', from);
      const end = semicolon === -1 ? body.length : semicolon;
      const pair = body.slice(from, end);
      from = end + 1;
      const where = msg('fmt_where_pair', line, k);
      const trimmed = pair.trim();
      if (trimmed === '') continue;
      if (isFull(result, line, where)) return result;
      const eq = trimmed.indexOf('=');
      const name = eq < 0 ? '' : trimmed.slice(0, eq).trim();
      const value = eq < 0 ? trimmed : trimmed.slice(eq + 1).trim();
      const reason =
        nameProblem(name) ??
        valueProblem(value) ??
        (name + value === '' ? msg('fmt_e_empty_pair') : undefined) ??
        (eq === 0 ? msg('fmt_e_no_name', trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed) : undefined);
      if (reason) {
        result.errors.push({ line, where, reason });
        continue;
      }
      const cookie: Cookie = {
        name,
        value,
        domain,
        hostOnly: true,
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'unspecified',
        session: true,
        storeId: options.defaultStoreId ?? '0',
      };
      result.rows.push({ cookie, line, where });
    }
  }
  return result;
}
