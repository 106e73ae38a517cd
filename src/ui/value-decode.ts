/**
 * Decoded views of a cookie value for the value inspector, plus small time and size helpers.
 * Pure and text only: no DOM, nothing here produces HTML, and nothing here throws on any input.
 */
import { t } from './i18n';

export interface JwtView {
  header: unknown;
  payload: unknown;
  /** Header and payload pretty-printed (2 spaces). */
  headerText: string;
  payloadText: string;
  /** ISO date from `payload.exp` (seconds since the epoch), when it is a number in range. */
  expiresAt?: string;
  /** ISO date from `payload.iat`. */
  issuedAt?: string;
  /** True when `exp` is at or before `now`; absent without `exp`. */
  expired?: boolean;
  /** False for `header.payload` and `header.payload.` (unsecured) tokens. */
  signaturePresent: boolean;
}

export interface ValueViews {
  raw: string;
  /** Percent-decoded, only when that succeeds and changes the value. */
  url?: string;
  /** Base64 / base64url text, only when it decodes to mostly printable UTF-8. */
  base64?: string;
  /** Pretty-printed JSON object or array found in the raw, URL-decoded, base64 or cookie-parser form. */
  json?: string;
  jwt?: JwtView;
  /** What kind of framework value this looks like, when recognised (e.g. a compressed Flask session). */
  note?: string;
}

const B64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const JWT = /^([\w-]+)\.([\w-]+)(?:\.([\w-]*))?$/;

function tryUrl(value: string): string | undefined {
  if (!value.includes('%')) return undefined;
  try {
    const out = decodeURIComponent(value);
    return out === value ? undefined : out;
  } catch {
    return undefined;
  }
}

/** The text without trailing `=` (a loop: `replace(/=+$/, '')` retries a run of `=` from each character). */
function withoutPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  return text.slice(0, end);
}

function base64Bytes(text: string): Uint8Array | undefined {
  if (!B64.test(text)) return undefined;
  const bare = withoutPadding(text);
  if (bare.length % 4 === 1 || (bare.length !== text.length && text.length % 4 !== 0)) return undefined;
  try {
    const bin = atob(
      bare
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(bare.length / 4) * 4, '='),
    );
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Valid UTF-8 whose characters are at least 95% printable (tabs and newlines count as printable). */
function printableText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const chars = [...text];
  if (chars.length === 0) return undefined;
  const bad = chars.filter((c) => /[^\P{C}\t\n\r]/u.test(c)).length;
  return bad <= chars.length * 0.05 ? text : undefined;
}

function base64Text(text: string): string | undefined {
  // Short words ("true", "en") are valid base64 too; below 4 characters nothing worth showing decodes.
  if (text.length < 4) return undefined;
  const bytes = base64Bytes(text);
  return bytes && printableText(bytes);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Deeper JSON is not pretty-printed: its indentation grows with the square of the depth (a 4 KB cookie
 * of `[[[...]]]` gave 8 MB of text), and from a few thousand levels JSON.stringify overflows the stack.
 */
export const MAX_JSON_DEPTH = 32;
const TOO_DEEP = Symbol('too deep');

/** How deep the arrays and objects of JSON text nest (brackets inside strings do not count). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Pretty JSON when `text` is a JSON object or array; TOO_DEEP when it is one nested deeper than MAX_JSON_DEPTH. */
function prettyJson(text: string | undefined): string | typeof TOO_DEEP | undefined {
  const t = text?.trim();
  if (!t || (t[0] !== '{' && t[0] !== '[')) return undefined;
  const parsed = parseJson(t); // JSON.parse itself is linear at any depth
  if (parsed === null || typeof parsed !== 'object') return undefined;
  return nestingDepth(t) > MAX_JSON_DEPTH ? TOO_DEEP : JSON.stringify(parsed, null, 2);
}

function isoFromSeconds(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number') return undefined;
  const date = new Date(seconds * 1000);
  return Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

function decodeJwt(text: string, now: number): JwtView | undefined {
  const m = JWT.exec(text);
  if (!m) return undefined;
  const headerText = base64Text(m[1] ?? '');
  const payloadText = base64Text(m[2] ?? '');
  if (headerText === undefined || payloadText === undefined) return undefined;
  if (nestingDepth(headerText) > MAX_JSON_DEPTH || nestingDepth(payloadText) > MAX_JSON_DEPTH) return undefined;
  const header = parseJson(headerText);
  const payload = parseJson(payloadText);
  // A header naming its algorithm tells a JWT from other dotted base64 (an itsdangerous/Flask session).
  if (!header || typeof header !== 'object' || typeof (header as { alg?: unknown }).alg !== 'string') return undefined;
  if (payload === undefined) return undefined;
  const jwt: JwtView = {
    header,
    payload,
    headerText: JSON.stringify(header, null, 2),
    payloadText: JSON.stringify(payload, null, 2),
    signaturePresent: !!m[3],
  };
  const claims = payload && typeof payload === 'object' ? (payload as { exp?: unknown; iat?: unknown }) : {};
  const expiresAt = isoFromSeconds(claims.exp);
  const issuedAt = isoFromSeconds(claims.iat);
  if (expiresAt !== undefined) {
    jwt.expiresAt = expiresAt;
    jwt.expired = Date.parse(expiresAt) <= now;
  }
  if (issuedAt !== undefined) jwt.issuedAt = issuedAt;
  return jwt;
}

/**
 * Every view of `value` that makes sense: raw always, the others only when they decode to
 * something readable. `now` (ms since the epoch) decides whether a JWT has expired.
 */
export function decodeViews(value: string, now: number = Date.now()): ValueViews {
  const views: ValueViews = { raw: value };
  const url = tryUrl(value);
  if (url !== undefined) views.url = url;
  const text = (url ?? value).trim();

  // Candidates for base64, best first; `inner` is the payload of a framework-wrapped value.
  let inner: string | undefined;
  if (/^\.eJ[\w-]+\./.test(text)) {
    views.note = t('note_flask_compressed');
  } else if (/^s:.+\.[\w+/-]+$/s.test(text)) {
    views.note = t('note_express_signed');
    inner = text.slice(2, text.lastIndexOf('.'));
  } else if (text.startsWith('j:')) {
    inner = text.slice(2);
  }

  const jwt = decodeJwt(text, now);
  if (jwt) views.jwt = jwt;
  else if (!views.note) {
    const firstSegment = /^([\w-]{8,})\.[\w-]+\.[\w-]+$/.exec(text)?.[1];
    const base64 = base64Text(text) ?? (inner && base64Text(inner)) ?? (firstSegment && base64Text(firstSegment));
    if (base64) views.base64 = base64;
    if (firstSegment && base64 && prettyJson(base64)) views.note = t('note_signed_session');
  }
  if (inner?.startsWith('j:')) inner = inner.slice(2);

  const json = prettyJson(value) ?? prettyJson(url) ?? prettyJson(inner) ?? prettyJson(views.base64);
  if (json === TOO_DEEP) views.note ??= t('note_too_deep', MAX_JSON_DEPTH);
  else if (json !== undefined) views.json = json;
  return views;
}

// Times and sizes live in ./time-text and ./byte-size (the rows need them without the decoders); re-exported
// for existing callers.
export { byteSize } from './byte-size';
export { absoluteLocalTime, relativeTime } from './time-text';
