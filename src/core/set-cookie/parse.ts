/**
 * Parses one Set-Cookie header with the algorithm of RFC 6265bis §5.6, keeping every attribute as
 * written so the UI can show each one and what the browser made of it.
 *
 * Written here rather than taken from tough-cookie (764 KB of dist with its own tldts, and RFC 6265
 * rather than 6265bis: no nameless cookies, no 400-day cap, no prefixes, no Partitioned). Parsing does
 * not depend on the request or the time: explain.ts applies the storage model on top of this.
 */
import { cookieSize } from '../../model/cookie';
import type { StatedSameSite } from '../../model/same-site';
import { sameSiteFromAttribute } from '../../model/same-site-convert';
import type { HeaderNote } from '../../model/verdict';
import { parseCookieDate } from './date';
import { controlName, NOTE } from './wording';
import type { Msg } from '../../i18n/msg';

/** One cookie-av as written in the header. */
export interface RawAttribute {
  /** The attribute name with surrounding whitespace removed, in the header's case. */
  name: string;
  /** The value with surrounding whitespace removed; '' when there was no `=`. */
  value: string;
  /** Zero-based position in the attribute list (the name=value pair is not counted). */
  position: number;
  /** Character offset of the attribute in the header, for highlighting. */
  offset: number;
  /** Whether the browser uses this attribute (false when a later duplicate wins, or it was ignored). */
  effective: boolean;
}

export type ParsedSameSite = StatedSameSite;

/** Why a header is ignored before the storage model runs. */
export type ParseRejection = 'control-characters' | 'too-large' | 'empty';

export interface ParsedSetCookie {
  header: string;
  name: string;
  value: string;
  /** The name-value pair had no `=`: 6265bis makes the whole pair the value of a nameless cookie. */
  nameless: boolean;
  attributes: RawAttribute[];
  /** Last valid Expires, as parsed by the cookie-date algorithm (not yet capped). */
  expires?: Date;
  /** Last valid Max-Age in seconds (not yet capped; may be zero or negative). */
  maxAge?: number;
  /** Last Domain, without one leading dot and lower-cased; '' for `Domain=` (host-only). */
  domain?: string;
  /** Last Path when it starts with `/`; undefined when absent or when the last Path falls back to the default path. */
  path?: string;
  /** Whether any Path attribute was present (the last one may still have fallen back to the default path). */
  hasPath: boolean;
  secure: boolean;
  httpOnly: boolean;
  partitioned: boolean;
  /** Last SameSite when valid; undefined when absent or invalid (the browser's default applies). */
  sameSite?: ParsedSameSite;
  /** Last SameSite value as written, when present. */
  sameSiteRaw?: string;
  /** Set when the header is ignored entirely while parsing. */
  rejection?: ParseRejection;
  notes: HeaderNote[];
}

/** Attribute values longer than this many bytes are ignored (6265bis §5.6). */
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;
/** Name plus value longer than this many bytes make the header ignored (6265bis §5.6). */
export const MAX_NAME_VALUE_BYTES = 4096;

const KNOWN = ['expires', 'max-age', 'domain', 'path', 'secure', 'httponly', 'samesite', 'partitioned'] as const;
type KnownAttribute = (typeof KNOWN)[number];

const DISPLAY: Record<KnownAttribute, string> = {
  expires: 'Expires',
  'max-age': 'Max-Age',
  domain: 'Domain',
  path: 'Path',
  secure: 'Secure',
  httponly: 'HttpOnly',
  samesite: 'SameSite',
  partitioned: 'Partitioned',
};

/** %x00-08 / %x0A-1F / %x7F: control characters other than horizontal tab. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

const isWsp = (code: number) => code === 0x20 || code === 0x09;

/**
 * Removes leading and trailing WSP (space and horizontal tab only, not other whitespace). A loop, not
 * `/^[ \t]+|[ \t]+$/g`: that regex retries a run of spaces from each of its characters, so a header
 * with 60,000 spaces inside took seconds (issue 11).
 */
function trimWsp(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWsp(text.charCodeAt(start))) start++;
  while (end > start && isWsp(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function isKnown(name: string): name is KnownAttribute {
  return (KNOWN as readonly string[]).includes(name);
}

/** Names the first control character in the text, e.g. `line feed (0x0a)`. */
export function describeControl(text: string): Msg {
  return controlName(CONTROL.exec(text)?.[0].charCodeAt(0) ?? 0);
}

export function parseSetCookie(header: string): ParsedSetCookie {
  const notes: HeaderNote[] = [];
  const result: ParsedSetCookie = {
    header,
    name: '',
    value: '',
    nameless: false,
    attributes: [],
    hasPath: false,
    secure: false,
    httpOnly: false,
    partitioned: false,
    notes,
  };

  const semicolon = header.indexOf(';');
  const pair = semicolon === -1 ? header : header.slice(0, semicolon);
  const equals = pair.indexOf('=');
  if (equals === -1) {
    result.nameless = true;
    result.value = trimWsp(pair);
  } else {
    result.name = trimWsp(pair.slice(0, equals));
    result.value = trimWsp(pair.slice(equals + 1));
  }

  // Attributes are listed even when the header is ignored, so the UI can still show them.
  parseAttributes(header, semicolon, result);

  if (CONTROL.test(header)) {
    const where = CONTROL.test(pair) ? 'the name or value' : 'an attribute';
    result.rejection = 'control-characters';
    notes.push({
      id: 'control-characters',
      severity: 'high',
      message: NOTE.controlCharacters(describeControl(header), where),
    });
  } else if (result.name === '' && result.value === '') {
    result.rejection = 'empty';
  } else if (cookieSize(result) > MAX_NAME_VALUE_BYTES) {
    result.rejection = 'too-large';
  }

  if (!result.rejection && result.nameless) {
    notes.push({ id: 'nameless', severity: 'low', message: NOTE.namelessNoEquals(result.value) });
  } else if (!result.rejection && result.name === '') {
    notes.push({ id: 'nameless', severity: 'low', message: NOTE.namelessEmptyName(result.value) });
  }
  return result;
}

function parseAttributes(header: string, semicolon: number, result: ParsedSetCookie): void {
  if (semicolon === -1) return;
  const notes = result.notes;
  const seen = new Map<KnownAttribute, RawAttribute[]>();
  let offset = semicolon + 1;
  let position = 0;
  for (const av of header.slice(semicolon + 1).split(';')) {
    const start = offset;
    offset += av.length + 1;
    const eq = av.indexOf('=');
    const name = trimWsp(eq === -1 ? av : av.slice(0, eq));
    const value = eq === -1 ? '' : trimWsp(av.slice(eq + 1));
    if (name === '' && value === '') continue; // `;;` or a trailing `;`
    const leading = av.length - av.trimStart().length;
    const attribute: RawAttribute = { name, value, position: position++, offset: start + leading, effective: false };
    result.attributes.push(attribute);

    const key = name.toLowerCase();
    if (!isKnown(key)) {
      notes.push({ id: 'unknown-attribute', severity: 'info', message: NOTE.unknownAttribute(name) });
      continue;
    }
    if (utf8Length(value) > MAX_ATTRIBUTE_VALUE_BYTES) {
      notes.push({
        id: 'attribute-too-long',
        severity: 'medium',
        message: NOTE.attributeTooLong(DISPLAY[key], utf8Length(value), MAX_ATTRIBUTE_VALUE_BYTES),
      });
      continue;
    }
    if (applyAttribute(key, attribute, result)) {
      const list = seen.get(key) ?? [];
      list.push(attribute);
      seen.set(key, list);
    }
  }

  for (const [key, list] of seen) {
    const last = list[list.length - 1];
    if (last) last.effective = true;
    if (list.length > 1 && last) {
      const flag = key === 'secure' || key === 'httponly' || key === 'partitioned';
      notes.push({
        id: 'duplicate-attribute',
        severity: 'low',
        message: NOTE.duplicateAttribute(DISPLAY[key], list.length, flag ? undefined : last.value),
      });
    }
  }
}

/** Applies one recognised attribute; returns false when its value is invalid and the attribute is ignored. */
function applyAttribute(key: KnownAttribute, attribute: RawAttribute, result: ParsedSetCookie): boolean {
  const { value } = attribute;
  const notes = result.notes;
  switch (key) {
    case 'expires': {
      const date = parseCookieDate(value);
      if (!date) {
        notes.push({ id: 'expires-unparseable', severity: 'medium', message: NOTE.expiresUnparseable(value) });
        return false;
      }
      result.expires = date;
      return true;
    }
    case 'max-age': {
      if (!/^-?\d+$/.test(value)) {
        notes.push({ id: 'max-age-invalid', severity: 'medium', message: NOTE.maxAgeInvalid(value) });
        return false;
      }
      result.maxAge = Number.parseInt(value, 10);
      return true;
    }
    case 'domain': {
      let domain = value;
      if (domain.startsWith('.')) {
        domain = domain.slice(1);
        notes.push({ id: 'domain-leading-dot', severity: 'info', message: NOTE.domainLeadingDot(value, domain) });
      }
      if (value === '') {
        notes.push({ id: 'domain-empty', severity: 'low', message: NOTE.domainEmpty() });
      }
      result.domain = domain.toLowerCase();
      return true;
    }
    case 'path': {
      result.hasPath = true;
      if (!value.startsWith('/')) {
        if (value !== '') {
          notes.push({ id: 'path-invalid', severity: 'low', message: NOTE.pathInvalid(value) });
        }
        delete result.path;
        return true;
      }
      result.path = value;
      return true;
    }
    case 'secure':
      result.secure = true;
      return true;
    case 'httponly':
      result.httpOnly = true;
      return true;
    case 'partitioned':
      result.partitioned = true;
      return true;
    case 'samesite': {
      result.sameSiteRaw = value;
      const sameSite = sameSiteFromAttribute(value);
      if (sameSite) {
        result.sameSite = sameSite;
        return true;
      }
      delete result.sameSite;
      notes.push({ id: 'samesite-invalid', severity: 'medium', message: NOTE.sameSiteInvalid(value) });
      return true;
    }
  }
}
