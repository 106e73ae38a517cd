/**
 * The manager's search language, parsed once per keystroke into testers that run against thousands
 * of cookies without allocating.
 *
 * - Plain words match a cookie's name, value or domain, case-insensitively; every word must match.
 *   `"a b"` is one word with a space in it (`\"` and `\\` inside quotes).
 * - `name:x`, `value:x`, `domain:x`: the word must occur in that field only (`name:"a b"` quoted).
 *   `domain:` is a substring of the domain as stored (with its leading dot for a domain cookie), so
 *   `domain:example.com` finds `example.com`, `.example.com` and `www.example.com`.
 * - `rule:x`: the cookie has a finding whose rule id contains `x` (`rule:samesite`, `rule:missing-secure`).
 * - `/regex/flags`: matches name, value or domain (case-sensitive unless the `i` flag); also after a
 *   field: `name:/^sess/i`. The `g` and `y` flags are ignored (they would make a test stateful).
 * - `-term` excludes what `term` matches (`-name:_ga`, `-/^_/`).
 * - A word before `:` that is not a field (`https://x`) is plain text. A field with nothing after it
 *   (`name:` while typing) is ignored.
 * Errors are returned, never thrown, as messages the page words: an invalid or unclosed regular expression says so.
 */
import { type Msg, msg } from '../../i18n/msg';
import type { Cookie } from '../../model/cookie';
import type { Finding } from '../types';

export type SearchField = 'any' | 'name' | 'value' | 'domain' | 'rule';

/** One compiled term: a test on a cookie and its findings, and whether the query excludes what it matches. */
export interface SearchTerm {
  field: SearchField;
  /** The term as written (for display): the text, or the regex source with slashes. */
  text: string;
  negate: boolean;
  test(cookie: Cookie, findings: readonly Finding[]): boolean;
}

export interface SearchQuery {
  /** The text it was parsed from. */
  source: string;
  terms: readonly SearchTerm[];
}

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; error: Msg };

const FIELDS: ReadonlySet<string> = new Set(['name', 'value', 'domain', 'rule']);

/** A query that matches every cookie. */
export const EMPTY_QUERY: SearchQuery = { source: '', terms: [] };

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** A case-insensitive substring test with no allocation per call (a literal regex with the `i` flag). */
function containsTester(needle: string): (text: string) => boolean {
  if (needle === '') return () => true;
  const re = new RegExp(escapeRegex(needle), 'i');
  return (text) => re.test(text);
}

function fieldTest(field: SearchField, has: (text: string) => boolean): SearchTerm['test'] {
  switch (field) {
    case 'name':
      return (c) => has(c.name);
    case 'value':
      return (c) => has(c.value);
    case 'domain':
      return (c) => has(c.domain);
    case 'rule':
      return (_c, findings) => {
        for (const f of findings) if (has(f.ruleId)) return true;
        return false;
      };
    case 'any':
      return (c) => has(c.name) || has(c.value) || has(c.domain);
  }
}

/** Reads a quoted word starting at `at` (the opening quote). Lenient: an unclosed quote runs to the end. */
function readQuoted(text: string, at: number): { word: string; end: number } {
  let word = '';
  let i = at + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\\' && (text.charAt(i + 1) === '"' || text.charAt(i + 1) === '\\')) {
      word += text.charAt(i + 1);
      i += 2;
      continue;
    }
    if (ch === '"') return { word, end: i + 1 };
    word += ch;
    i++;
  }
  return { word, end: i };
}

const isSpace = (ch: string) => /\s/.test(ch);

/** Reads `/source/flags` starting at `at` (the opening slash); a `/` inside `[...]` or escaped does not close it. */
function readRegex(text: string, at: number): { source: string; flags: string; end: number } | { error: Msg } {
  let i = at + 1;
  let inClass = false;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) break;
    i++;
  }
  if (i >= text.length) {
    const written = text.slice(at).split(/\s/)[0] ?? '';
    return { error: msg('fmt_q_not_closed', written) };
  }
  const source = text.slice(at + 1, i);
  let end = i + 1;
  while (end < text.length && /[a-z]/i.test(text.charAt(end))) end++;
  return { source, flags: text.slice(i + 1, end), end };
}

/** What makes a pattern slow, as messages for the user. */
export const NESTED_REPEAT_TEXT: Msg = msg('fmt_q_nested_repeat');
export const BACKREFERENCE_TEXT: Msg = msg('fmt_q_backreference');

/**
 * Why a (valid) pattern could backtrack for ages on a hostile value, or undefined. Values are chosen
 * by sites and the search runs on the page's thread, so `/^(\w+\s?)*$/` over a long value would
 * freeze it. Refused: a repeated group that contains a repeat (`(a+)*`, `(a?){9}`), and
 * backreferences (`\1`, `\k<n>`). Conservative: some harmless patterns are refused too.
 */
function slowPatternReason(source: string): Msg | undefined {
  // Per open group: whether something inside it repeats.
  const groups: boolean[] = [];
  const markRepeat = () => {
    for (let g = 0; g < groups.length; g++) groups[g] = true;
  };
  const repeatAt = (at: number): number => {
    // The length of a quantifier at `at` (with its lazy `?`), or 0.
    const ch = source.charAt(at);
    let len = 0;
    if (ch === '*' || ch === '+' || ch === '?') len = 1;
    else if (ch === '{') {
      const m = /^\{\d+(,\d*)?\}/.exec(source.slice(at));
      if (m) len = m[0].length;
    }
    if (len > 0 && source.charAt(at + len) === '?') len++;
    return len;
  };
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '\\') {
      const next = source.charAt(i + 1);
      if (/[1-9]/.test(next) || (next === 'k' && source.charAt(i + 2) === '<')) return BACKREFERENCE_TEXT;
      i += 2;
    } else if (ch === '[') {
      i++;
      if (source.charAt(i) === ']') i++;
      while (i < source.length && source.charAt(i) !== ']') i += source.charAt(i) === '\\' ? 2 : 1;
      i++;
    } else if (ch === '(') {
      groups.push(false);
      i++;
      if (source.charAt(i) === '?') {
        // A group's kind: (?: (?= (?! (?<= (?<! (?<name>
        i++;
        if (source.charAt(i) === '<' && source.charAt(i + 1) !== '=' && source.charAt(i + 1) !== '!') {
          const close = source.indexOf('>', i);
          i = close < 0 ? source.length : close + 1;
        } else i += source.charAt(i) === '<' ? 2 : 1;
      }
      continue;
    } else if (ch === ')') {
      const inner = groups.pop() ?? false;
      i++;
      const len = repeatAt(i);
      if (len > 0) {
        if (inner) return NESTED_REPEAT_TEXT;
        markRepeat();
        i += len;
      } else if (inner) markRepeat();
      continue;
    } else i++;
    // After an atom: a quantifier on it makes its enclosing groups repeat inside.
    const len = repeatAt(i);
    if (len > 0) {
      markRepeat();
      i += len;
    }
  }
  return undefined;
}

function compileRegex(source: string, flags: string): RegExp | Msg {
  if (source === '') return msg('fmt_q_empty');
  const kept = flags.replace(/[gy]/g, '');
  let re: RegExp;
  try {
    re = new RegExp(source, kept);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return msg('fmt_q_invalid', `/${source}/${flags}`, why);
  }
  return slowPatternReason(source) ?? re;
}

/** Parses the search text. Never throws: a problem comes back as `{ ok: false, error }`, a message. */
export function parseQuery(input: string): ParsedQuery {
  const text = typeof input === 'string' ? input : '';
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charAt(i))) {
      i++;
      continue;
    }
    let negate = false;
    // A lone "-" (or one before a space) is a word of its own, not a negation.
    if (text.charAt(i) === '-' && i + 1 < text.length && !isSpace(text.charAt(i + 1))) {
      negate = true;
      i++;
    }
    let field: SearchField = 'any';
    const fieldMatch = /^([a-z]+):/i.exec(text.slice(i, i + 8));
    if (fieldMatch && FIELDS.has((fieldMatch[1] ?? '').toLowerCase())) {
      field = (fieldMatch[1] ?? '').toLowerCase() as SearchField;
      i += fieldMatch[0].length;
    }
    const start = text.charAt(i);
    if (start === '/' && field !== 'rule') {
      const read = readRegex(text, i);
      if ('error' in read) return { ok: false, error: read.error };
      const re = compileRegex(read.source, read.flags);
      if (!(re instanceof RegExp)) return { ok: false, error: re };
      i = read.end;
      terms.push({ field, negate, text: `/${read.source}/${read.flags}`, test: fieldTest(field, (t) => re.test(t)) });
      continue;
    }
    let word: string;
    if (start === '"') {
      const read = readQuoted(text, i);
      word = read.word;
      i = read.end;
    } else {
      const begin = i;
      while (i < text.length && !isSpace(text.charAt(i))) i++;
      word = text.slice(begin, i);
    }
    // `name:` with nothing after it yet (typing), or `""`, narrows nothing.
    if (word === '') continue;
    terms.push({ field, negate, text: word, test: fieldTest(field, containsTester(word)) });
  }
  return { ok: true, query: { source: text, terms } };
}
