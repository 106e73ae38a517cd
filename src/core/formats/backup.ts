/**
 * The backup file: every cookie of one store and the protection rules, as one versioned JSON
 * document.
 *
 * ```json
 * {
 *   "format": "cookie-lens-backup",
 *   "version": 1,
 *   "createdAt": "2025-01-01T00:00:00.000Z",
 *   "browser": "chrome",
 *   "store": { "id": "0", "kind": "default", "name": "Normal" },
 *   "cookies": [ { ...every Cookie field, as the JSON export writes it... } ],
 *   "protected": [ { "site": "example.com", "name": "sid" } ]
 * }
 * ```
 *
 * Lossless: the cookies are written by the JSON export's own row conversion (every field, partition
 * key, first-party domain, host-only, session and expiry, SameSite). Read strictly: a backup that
 * is not JSON, is cut short, is another format or version, or has one bad row or rule is refused
 * whole, with one error per problem (the row's number and name), so a restore never writes half a
 * file. Caps: MAX_IMPORT_ROWS (10,000) cookies, as an import; the text may be up to
 * MAX_BACKUP_CHARS, more than an import's 5 MB, because a full store of ~3,300 cookies with 4 KB
 * values takes about 15 MB and a backup Cookie Lens wrote must restore.
 *
 * Reads rules with protect.ts (tldts): for the background worker and tests, not a page bundle.
 */
import { errorText } from '../../error-text';
import { isMsg, localNumber, type Msg, type MsgArg, msg, plural } from '../../i18n/msg';
import type { ProtectRule, RestorePreview, StoreInfo } from '../../messages';
import { type Cookie, cookieKey } from '../../model/cookie';
import { readRules } from '../protect';
import { quote } from '../rules/rule';
import type { BrowserName } from '../types';
import { parsePosition, readEntry, sameSiteOf, toJsonEntry } from './json';
import { MAX_IMPORT_ROWS } from './types';

export const BACKUP_FORMAT = 'cookie-lens-backup';
export const BACKUP_VERSION = 1;
/** Longest backup text read, in characters: 20 MB (see the module comment). */
export const MAX_BACKUP_CHARS = 20 * 1024 * 1024;
/** Most errors listed; past it, one line says how many more there are. */
export const MAX_LISTED_ERRORS = 100;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  createdAt: string;
  browser: BrowserName;
  store: Pick<StoreInfo, 'id' | 'kind' | 'name'>;
  cookies: Cookie[];
  protected: ProtectRule[];
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; errors: Msg[] };

/** The backup as pretty JSON text. */
export function writeBackup(backup: Omit<Backup, 'format' | 'version'>): string {
  const document = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: backup.createdAt,
    browser: backup.browser,
    store: { id: backup.store.id, kind: backup.store.kind, name: backup.store.name },
    cookies: backup.cookies.map(toJsonEntry),
    protected: backup.protected.map((r) => ({ site: r.site, name: r.name })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const has = (entry: Json, key: string) => Object.hasOwn(entry, key) && entry[key] !== undefined && entry[key] !== null;

/** A JSON value's type: `null`, `string`, `number`... (code words, kept as they are), or a list in words. */
const typeName = (value: unknown): MsgArg =>
  value === null ? 'null' : Array.isArray(value) ? msg('fmt_b_type_list') : typeof value;

/** The members a row of our own backup always has, with their type: a row without one was not written by Cookie Lens. */
const REQUIRED: ReadonlyArray<[string, 'string' | 'boolean']> = [
  ['name', 'string'],
  ['value', 'string'],
  ['domain', 'string'],
  ['hostOnly', 'boolean'],
  ['path', 'string'],
  ['secure', 'boolean'],
  ['httpOnly', 'boolean'],
  ['sameSite', 'string'],
  ['session', 'boolean'],
];

/** What is wrong with a row's members and their types, before the JSON import's own checks. */
function rowShapeProblem(row: Json): Msg | undefined {
  for (const [key, type] of REQUIRED) {
    if (!has(row, key)) return msg('fmt_b_missing', key);
    const value = row[key];
    if (typeof value !== type)
      return msg(type === 'string' ? 'fmt_b_not_string' : 'fmt_b_not_boolean', key, typeName(value));
  }
  if (!sameSiteOf(row.sameSite)) return msg('fmt_b_samesite', quote(String(row.sameSite)));
  if (has(row, 'expirationDate') && (typeof row.expirationDate !== 'number' || !Number.isFinite(row.expirationDate))) {
    return msg('fmt_b_expiration_number', typeName(row.expirationDate));
  }
  if (row.session === false && !has(row, 'expirationDate')) return msg('fmt_b_expiration_missing');
  if (has(row, 'storeId') && typeof row.storeId !== 'string')
    return msg('fmt_b_not_string', 'storeId', typeName(row.storeId));
  return undefined;
}

function rowLabel(row: unknown, index: number): Msg {
  const name = isObject(row) && typeof row.name === 'string' ? row.name : undefined;
  if (name === undefined) return msg('fmt_b_row', index + 1);
  return name === '' ? msg('fmt_b_row_nameless', index + 1) : msg('fmt_b_row_named', index + 1, quote(name));
}

/** Why JSON.parse failed, in words: a text cut short says so. */
function jsonProblem(text: string, error: unknown): Msg {
  const message = errorText(error);
  const position = /position (\d+)/.exec(message);
  const atEnd =
    /end of (JSON input|data)/i.test(message) || (position !== null && Number(position[1]) >= text.trimEnd().length);
  if (atEnd) return msg('fmt_b_cut_short');
  // Where, when the parser said (V8 does not for an unexpected token).
  const said = position !== null || /line \d+ column \d+/.test(message);
  return said
    ? msg('fmt_b_json_invalid_at', parsePosition(text, message).where, message)
    : msg('fmt_b_json_invalid', message);
}

/** Keeps the error list readable: the first MAX_LISTED_ERRORS, then how many more. */
function listed(errors: Msg[]): Msg[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  const more = errors.length - MAX_LISTED_ERRORS;
  return [...errors.slice(0, MAX_LISTED_ERRORS), plural('fmt_b_more_problems', more, localNumber(more))];
}

/** The header members: format, version, when, which browser, which store. */
function headerProblems(data: Json): Msg[] {
  if (data.format !== BACKUP_FORMAT) {
    return [
      has(data, 'format')
        ? msg('fmt_b_wrong_format', quote(String(data.format)), BACKUP_FORMAT)
        : msg('fmt_b_no_format', BACKUP_FORMAT),
    ];
  }
  if (data.version !== BACKUP_VERSION) {
    const newer = typeof data.version === 'number' && data.version > BACKUP_VERSION;
    return [
      newer
        ? msg('fmt_b_newer', String(data.version), BACKUP_VERSION)
        : msg('fmt_b_unknown_version', quote(String(data.version)), BACKUP_VERSION),
    ];
  }
  const errors: Msg[] = [];
  if (typeof data.createdAt !== 'string' || Number.isNaN(Date.parse(data.createdAt))) {
    errors.push(msg('fmt_b_created_at'));
  }
  if (data.browser !== 'chrome' && data.browser !== 'firefox') errors.push(msg('fmt_b_browser'));
  const store = data.store;
  if (
    !isObject(store) ||
    typeof store.id !== 'string' ||
    typeof store.name !== 'string' ||
    !['default', 'private', 'container'].includes(store.kind as string)
  ) {
    errors.push(msg('fmt_b_store'));
  }
  return errors;
}

/**
 * Reads a backup. Never throws: any problem gives `{ ok: false, errors }`, one error per problem
 * (a bad cookie row as `Cookie 12 ("sid"): "expirationDate" is not a number (it is string)`).
 */
export function parseBackup(input: string): ParsedBackup {
  const text = (typeof input === 'string' ? input : '').replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, errors: [msg('fmt_b_empty')] };
  if (text.length > MAX_BACKUP_CHARS) {
    return { ok: false, errors: [msg('fmt_b_too_large', MAX_BACKUP_CHARS / 1024 / 1024)] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonProblem(text, error)] };
  }
  if (!isObject(data)) {
    const what = Array.isArray(data) ? msg('fmt_b_holds_list') : typeName(data);
    return { ok: false, errors: [msg('fmt_b_not_object', what)] };
  }
  const errors = headerProblems(data);
  if (errors.length > 0 && (data.format !== BACKUP_FORMAT || data.version !== BACKUP_VERSION))
    return { ok: false, errors };
  if (!Array.isArray(data.cookies)) {
    errors.push(msg('fmt_b_no_cookies'));
    return { ok: false, errors };
  }
  if (data.cookies.length > MAX_IMPORT_ROWS) {
    errors.push(msg('fmt_b_too_many', localNumber(data.cookies.length), localNumber(MAX_IMPORT_ROWS)));
    return { ok: false, errors };
  }
  const cookies: Cookie[] = [];
  const seen = new Map<string, Msg>();
  for (const [index, row] of (data.cookies as unknown[]).entries()) {
    const label = rowLabel(row, index);
    if (!isObject(row)) {
      errors.push(msg('fmt_b_row_problem', label, msg('fmt_b_row_not_object', typeName(row))));
      continue;
    }
    const read = rowShapeProblem(row) ?? readEntry(row, {});
    if (isMsg(read)) {
      errors.push(msg('fmt_b_row_problem', label, read));
      continue;
    }
    // The store is the one restored into: two rows that would be one cookie there are one too many.
    const key = cookieKey({ ...read, storeId: '' });
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(msg('fmt_b_row_problem', label, msg('fmt_b_same_cookie', first)));
      continue;
    }
    seen.set(key, label);
    cookies.push(read);
  }
  if (has(data, 'protected') && !Array.isArray(data.protected)) errors.push(msg('fmt_b_protected_list'));
  const rules = readRules(Array.isArray(data.protected) ? data.protected : []);
  // A rule's error names it as a protection rule: the backup also has cookie rows.
  errors.push(...rules.errors.map((e): Msg => (e.id === 'fmt_p_rule' ? { ...e, id: 'fmt_b_protection_rule' } : e)));
  if (errors.length > 0) return { ok: false, errors: listed(errors) };
  const store = data.store as Json;
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: data.createdAt as string,
      browser: data.browser as BrowserName,
      store: { id: store.id as string, kind: store.kind as StoreInfo['kind'], name: store.name as string },
      cookies,
      protected: rules.rules,
    },
  };
}

/** A restore preview with nothing in it yet (the errors aside): what a preview starts from. */
export function emptyRestorePreview(errors: Msg[] = [], rules: ProtectRule[] = []): RestorePreview {
  return {
    errors,
    added: [],
    replaced: [],
    unchanged: 0,
    refused: [],
    mayRefuse: [],
    risks: [],
    protectedKept: [],
    rules,
  };
}
