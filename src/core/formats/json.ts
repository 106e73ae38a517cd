/**
 * JSON: a pretty array of chrome.cookies.Cookie-shaped objects, the shape Cookie-Editor and
 * EditThisCookie export and import, so files move between them and Cookie Lens.
 *
 * Lossless: every Cookie field (name, value, domain, hostOnly, path, secure, httpOnly, sameSite,
 * session, expirationDate, storeId, partitionKey, firstPartyDomain), kept verbatim. SameSite None is
 * written as the browsers' `no_restriction`.
 */
import { isMsg, type Msg, type MsgArg, msg } from '../../i18n/msg';
import type { Cookie, PartitionKey, SameSite } from '../../model/cookie';
import { domainProblem, nameProblem, valueProblem } from './header';
import { type ImportOptions, isFull, type Parsed } from './types';
import { errorText } from '../../error-text';
import { quote } from '../rules/rule';

const SAME_SITE_OUT: Record<SameSite, string> = {
  none: 'no_restriction',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};

/** One cookie as a JSON export (and a backup) writes it: every field, SameSite None as `no_restriction`. */
export function toJsonEntry(c: Cookie): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: c.name,
    value: c.value,
    domain: c.domain,
    hostOnly: c.hostOnly,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: SAME_SITE_OUT[c.sameSite],
    session: c.session,
    expirationDate: c.expirationDate,
    storeId: c.storeId,
    firstPartyDomain: c.firstPartyDomain,
  };
  if (c.partitionKey) {
    const { topLevelSite, hasCrossSiteAncestor } = c.partitionKey;
    entry.partitionKey = { topLevelSite, hasCrossSiteAncestor };
  }
  return entry; // undefined members are left out by JSON.stringify
}

export function toJson(cookies: readonly Cookie[]): string {
  return `${JSON.stringify(cookies.map(toJsonEntry), null, 2)}\n`;
}

/** Every spelling seen in the wild (`no_restriction`, `None`, `Lax`, `Default`, `null`, missing...); undefined when unknown. */
export function sameSiteOf(raw: unknown): SameSite | undefined {
  if (raw === undefined || raw === null || raw === '') return 'unspecified';
  if (typeof raw !== 'string') return undefined;
  const lower = raw.toLowerCase();
  if (lower === 'no_restriction' || lower === 'none') return 'none';
  if (lower === 'default') return 'unspecified'; // Puppeteer's and WebDriver BiDi's word for "no attribute"
  return lower === 'lax' || lower === 'strict' || lower === 'unspecified' ? lower : undefined;
}

/** Where the parser stopped, from V8's `position N` or Firefox's `line L column C`. */
export function parsePosition(text: string, message: string): { line: number; where: Msg } {
  const firefox = /line (\d+) column (\d+)/.exec(message);
  if (firefox)
    return { line: Number(firefox[1]), where: msg('fmt_where_column', Number(firefox[1]), Number(firefox[2])) };
  const v8 = /position (\d+)/.exec(message);
  const offset = v8 ? Number(v8[1]) : text.length;
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  const line = before.length;
  return { line, where: msg('fmt_where_column', line, (before[line - 1] ?? '').length + 1) };
}

type Json = Record<string, unknown>;

/** A JSON value as an error message quotes it; JSON.stringify overflows the stack on one nested thousands deep. */
function quoted(value: unknown): MsgArg {
  try {
    return JSON.stringify(value);
  } catch {
    return msg(Array.isArray(value) ? 'fmt_e_nested_array' : 'fmt_e_nested_object');
  }
}

/** The entry's own member (never one inherited from Object.prototype), null read as absent. */
function member(entry: Json, key: string): unknown {
  return Object.hasOwn(entry, key) && entry[key] !== null ? entry[key] : undefined;
}

/**
 * How an error names entry `line`: `entry 2 ("sid")` when the entry has a string name (quoted short,
 * control characters escaped, as hostile text), `entry 2 (empty name)` for `""`, else `entry 2`.
 */
function entryWhere(entry: unknown, line: number): Msg {
  const name =
    typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? member(entry as Json, 'name') : undefined;
  if (typeof name !== 'string') return msg('fmt_where_entry', line);
  return name === '' ? msg('fmt_where_entry_nameless', line) : msg('fmt_where_entry_named', line, quote(name));
}

/** One entry of a JSON export read as a cookie, or what is wrong with it. */
export function readEntry(entry: unknown, options: ImportOptions): Cookie | Msg {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return msg('fmt_e_not_object');
  const get = (key: string) => member(entry as Json, key);
  const name = get('name');
  if (typeof name !== 'string') return msg('fmt_e_member_string', 'name');
  const value = get('value');
  if (typeof value !== 'string') return msg('fmt_e_member_string', 'value');
  const domain = get('domain') ?? options.defaultDomain;
  if (typeof domain !== 'string') return msg('fmt_e_member_string', 'domain');
  const booleans: Record<string, boolean> = {};
  for (const key of ['hostOnly', 'secure', 'httpOnly', 'session']) {
    const raw = get(key);
    if (raw !== undefined && typeof raw !== 'boolean') return msg('fmt_e_member_boolean', key);
    if (raw !== undefined) booleans[key] = raw;
  }
  const path = get('path') ?? '/';
  const sameSite = sameSiteOf(get('sameSite'));
  // Cookie-Editor and the browsers say expirationDate, Playwright and Puppeteer expires, Selenium expiry.
  const expirationDate = get('expirationDate') ?? get('expires') ?? get('expiry');
  const storeId = get('storeId') ?? options.defaultStoreId ?? '0';
  const partitionKey = get('partitionKey');
  const firstPartyDomain = get('firstPartyDomain');
  const problem =
    nameProblem(name) ??
    valueProblem(value) ??
    (name + value === '' ? msg('fmt_e_empty_pair') : undefined) ??
    domainProblem(domain) ??
    (typeof path === 'string' && path.startsWith('/') ? undefined : msg('fmt_e_path_string')) ??
    (sameSite ? undefined : msg('fmt_e_samesite_unknown', quoted(get('sameSite')))) ??
    (expirationDate === undefined || (typeof expirationDate === 'number' && Number.isFinite(expirationDate))
      ? undefined
      : msg('fmt_e_expiration_number')) ??
    (typeof storeId === 'string' ? undefined : msg('fmt_e_member_must_string', 'storeId')) ??
    (firstPartyDomain === undefined || typeof firstPartyDomain === 'string'
      ? undefined
      : msg('fmt_e_member_must_string', 'firstPartyDomain')) ??
    partitionProblem(partitionKey, get('_crHasCrossSiteAncestor'));
  if (problem) return problem;
  // No expiry means session; otherwise the session flag wins, and without one a non-positive
  // expiry (-1 in some tools) means session too.
  const session = expirationDate === undefined || (booleans.session ?? (expirationDate as number) <= 0);
  const cookie: Cookie = {
    name,
    value,
    domain: domain as string,
    hostOnly: booleans.hostOnly ?? !(domain as string).startsWith('.'),
    path: path as string,
    secure: booleans.secure ?? false,
    httpOnly: booleans.httpOnly ?? false,
    sameSite: sameSite as SameSite,
    session,
    storeId: storeId as string,
  };
  // A session cookie keeps a real expiry it was given, never a -1 placeholder (Puppeteer's page.cookies()).
  if (
    expirationDate !== undefined &&
    !(session && (booleans.session === undefined || (expirationDate as number) <= 0))
  ) {
    cookie.expirationDate = expirationDate as number;
  }
  if (partitionKey !== undefined) {
    const { topLevelSite, hasCrossSiteAncestor } = partitionOf(partitionKey, get('_crHasCrossSiteAncestor'));
    cookie.partitionKey =
      hasCrossSiteAncestor === undefined ? { topLevelSite } : { topLevelSite, hasCrossSiteAncestor };
  }
  if (firstPartyDomain !== undefined) cookie.firstPartyDomain = firstPartyDomain as string;
  return cookie;
}

/**
 * The partition key in each tool's spelling: the browsers' `{topLevelSite, hasCrossSiteAncestor}`,
 * Puppeteer's `{sourceOrigin, hasCrossSiteAncestor}`, and Playwright's bare top-level site string
 * with its Chromium-only `_crHasCrossSiteAncestor` beside it on the cookie. Checked by partitionProblem first.
 */
function partitionOf(raw: unknown, playwrightAncestor: unknown): PartitionKey {
  if (typeof raw === 'string') {
    return typeof playwrightAncestor === 'boolean'
      ? { topLevelSite: raw, hasCrossSiteAncestor: playwrightAncestor }
      : { topLevelSite: raw };
  }
  const site = member(raw as Json, 'topLevelSite') ?? member(raw as Json, 'sourceOrigin');
  const cross = member(raw as Json, 'hasCrossSiteAncestor');
  return { topLevelSite: site as string, ...(cross === undefined ? {} : { hasCrossSiteAncestor: cross as boolean }) };
}

function partitionProblem(raw: unknown, playwrightAncestor: unknown): Msg | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') {
    return playwrightAncestor === undefined || typeof playwrightAncestor === 'boolean'
      ? undefined
      : msg('fmt_e_member_boolean', '_crHasCrossSiteAncestor');
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) return msg('fmt_e_partition_shape');
  const site = member(raw as Json, 'topLevelSite') ?? member(raw as Json, 'sourceOrigin');
  const cross = member(raw as Json, 'hasCrossSiteAncestor');
  if (typeof site !== 'string') return msg('fmt_e_member_must_string', 'partitionKey.topLevelSite');
  return cross === undefined || typeof cross === 'boolean'
    ? undefined
    : msg('fmt_e_member_boolean', 'partitionKey.hasCrossSiteAncestor');
}

/** Text that starts (after whitespace) like a JSON array or object. */
export function isJsonText(text: string): boolean {
  return text.startsWith('[') || text.startsWith('{');
}

export type JsonKind = 'json' | 'playwright' | 'puppeteer';

/** Members only the browsers' and cookie extensions' JSON (and Selenium's) has; Puppeteer and Playwright write none. */
const EXTENSION_MEMBERS = ['expirationDate', 'hostOnly', 'storeId', 'expiry'];
/** Members of Puppeteer's cookies (page.cookies() writes all of them; our export writes expires when there is one). */
const PUPPETEER_MEMBERS = ['expires', 'size', 'sourceScheme', 'priority', 'sameParty'];

/** Which tool's JSON this is: Playwright's storageState, Puppeteer's cookies, or the browsers' and extensions' shape. */
function kindOf(data: unknown): JsonKind {
  if (isStorageState(data)) return 'playwright';
  const entries = (Array.isArray(data) ? data : [data]).filter(
    (e): e is Json => typeof e === 'object' && e !== null && !Array.isArray(e),
  );
  if (entries.length === 0 || entries.some((e) => EXTENSION_MEMBERS.some((k) => Object.hasOwn(e, k)))) return 'json';
  const puppeteerLike = (e: Json) =>
    PUPPETEER_MEMBERS.some((k) => Object.hasOwn(e, k)) ||
    (typeof e.partitionKey === 'object' && e.partitionKey !== null && Object.hasOwn(e.partitionKey, 'sourceOrigin'));
  return entries.some(puppeteerLike) ? 'puppeteer' : 'json';
}

/** kindOf the text, `json` when it does not parse. */
export function jsonKind(text: string): JsonKind {
  try {
    return kindOf(JSON.parse(text));
  } catch {
    return 'json';
  }
}

/** Playwright's storageState: `{ cookies: [...], origins: [...] }`. */
export function isStorageState(data: unknown): data is { cookies: unknown[] } {
  return typeof data === 'object' && data !== null && Array.isArray((data as Json).cookies);
}

/**
 * An array of cookie objects, a single one, or Playwright's storageState (its cookies; its origins'
 * localStorage is not cookies and is left out). Errors on entries say `entry N` (with the cookie's
 * name when it has one: `entry 2 ("sid")`) and carry N as their line (array index + 1); an unparseable text gives one error at the parser's line and column.
 */
export function parseJson(text: string, options: ImportOptions): Parsed & { kind: JsonKind } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = errorText(e);
    const { line, where } = parsePosition(text, message);
    return { kind: 'json', rows: [], errors: [{ line, where, reason: msg('fmt_e_json_invalid', message) }] };
  }
  const entries = Array.isArray(data) ? data : isStorageState(data) ? data.cookies : [data];
  const result: Parsed & { kind: JsonKind } = { kind: kindOf(data), rows: [], errors: [] };
  for (const [index, entry] of (entries as unknown[]).entries()) {
    const line = index + 1;
    const where = entryWhere(entry, line);
    if (isFull(result, line, where)) break;
    const cookie = readEntry(entry, options);
    if (isMsg(cookie)) result.errors.push({ line, where, reason: cookie });
    else result.rows.push({ cookie, line, where });
  }
  return result;
}
