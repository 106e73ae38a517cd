/**
 * The shape every audit rule has. One rule per file in this folder; `index.ts` registers them.
 * Rules are pure: a function of the cookie, the other cookies and the context, nothing else.
 */
import { isMsg, type Msg, type MsgArg, msg } from '../../i18n/msg';
import type { Cookie } from '../../model/cookie';
import type { Severity } from '../../model/severity';
import type { AuditContext } from '../types';

/** The rule ids: a public contract (UI `data-rule`, tests, README). Add ids, never rename them. */
export const RULE_IDS = [
  'missing-secure',
  'insecure-transport',
  'missing-httponly-session',
  'missing-httponly',
  'token-readable-by-script',
  'samesite-none-insecure',
  'samesite-none',
  'samesite-unspecified',
  'samesite-lax-session',
  'domain-wide',
  'host-prefix-invalid',
  'secure-prefix-invalid',
  'http-prefix-invalid',
  'prefix-case',
  'host-prefix-recommended',
  'nameless',
  'persistent-session',
  'long-lifetime',
  'path-scoped-session',
  'oversized',
  'too-many-cookies',
  'control-characters',
  'non-token-value',
  'domain-non-ascii',
  'partitioned-insecure',
  'third-party-unpartitioned',
  'weak-session-id',
  'framework-session-name',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface RuleInput {
  /** The cookie under audit. */
  readonly cookie: Cookie;
  /** Every cookie being audited, `cookie` included (for rules that count or compare). */
  readonly all: readonly Cookie[];
  readonly ctx: AuditContext;
}

/** What a rule reports when it fires. Text left out falls back to the rule's own. All text is a message to word. */
export interface RuleHit {
  severity: Severity;
  title?: Msg;
  explanation?: Msg;
  fix?: Msg;
}

export interface RuleSample {
  cookie: Cookie;
  /** Defaults to `[cookie]`. */
  all?: readonly Cookie[];
  /** Defaults to SAMPLE_CONTEXT. */
  ctx?: AuditContext;
}

export interface Rule {
  readonly id: RuleId;
  /** One line, shown as the finding's title. */
  readonly title: Msg;
  /** The severities the rule can report, strongest first. */
  readonly severities: readonly Severity[];
  /** Default explanation, for a web developer; a hit may give a more specific one. */
  readonly explanation: Msg;
  /** Default fix: the Set-Cookie attribute to add or change (`msg('text', 'Secure')`, never translated), or prose. */
  readonly fix: Msg;
  /** A URL: RFC 6265bis section, OWASP cheat sheet, MDN or Chrome page. */
  readonly reference: string;
  check(input: RuleInput): RuleHit | null;
  /** A cookie that makes the rule fire and one that does not; the registry test runs both. */
  readonly samples: { readonly triggers: RuleSample; readonly passes: RuleSample };
}

/** The fixed time the samples are judged at: 2025-01-15T00:00:00Z. */
export const SAMPLE_NOW = Date.UTC(2025, 0, 15);

export const SAMPLE_CONTEXT: AuditContext = { pageUrl: 'https://example.com/', now: SAMPLE_NOW, browser: 'chrome' };

/**
 * A well-configured cookie that no rule fires on (host-only, Secure, HttpOnly, SameSite=Lax, session,
 * not session-like), with the given fields changed.
 */
export function sampleCookie(overrides: Partial<Cookie> = {}): Cookie {
  return {
    name: 'theme',
    value: 'dark',
    domain: 'example.com',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    storeId: '0',
    ...overrides,
  };
}

/** The rule input a sample stands for. */
export function sampleInput(sample: RuleSample): RuleInput {
  return { cookie: sample.cookie, all: sample.all ?? [sample.cookie], ctx: sample.ctx ?? SAMPLE_CONTEXT };
}

/** Milliseconds since the epoch the audit is judged at. */
export function nowOf(ctx: AuditContext): number {
  return ctx.now ?? Date.now();
}

/**
 * A short, plain-text quote of hostile text (a cookie name, value or domain) for use inside finding text:
 * at most `max` characters, control characters escaped, in double quotes. Never the full value.
 */
export function quote(text: string, max = 40): string {
  const chars = Array.from(text);
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return JSON.stringify(cut);
}

/** The cookie's name quoted for finding text, or `(empty name)`. */
export function nameOf(cookie: Pick<Cookie, 'name'>): MsgArg {
  return cookie.name === '' ? msg('cookie_empty_name') : quote(cookie.name);
}

/** References used by several rules. */
export const REF = {
  rfc: (section: string) => `https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-${section}`,
  owasp: (anchor: string) =>
    `https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#${anchor}`,
  mdn: (anchor: string) => `https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#${anchor}`,
  chips: 'https://developer.chrome.com/docs/privacy-security/chips',
} as const;

/** Items joined as `a, b, c` in the reader's language. */
export function commaList(items: readonly MsgArg[]): MsgArg {
  const [first = '', ...rest] = items;
  return rest.reduce<MsgArg>((list, item) => msg('list_comma', list, item), first);
}

/** One requirement prefixViolations() reports, as text: attributes stay as written, the rest is worded. */
export function requirementText(requirement: string): MsgArg {
  if (requirement === 'no Domain attribute') return msg('prefix_req_no_domain');
  if (requirement === 'a secure origin (https)') return msg('prefix_req_secure_origin');
  return requirement;
}

/** What prefixViolations() reports, as Set-Cookie changes: `Secure; Path=/; remove Domain`. */
export function prefixFixes(missing: readonly string[]): Msg {
  const parts: MsgArg[] = missing.map((m) => (m === 'no Domain attribute' ? msg('fix_remove_domain') : m));
  const [first = '', ...rest] = parts;
  const joined = rest.reduce<MsgArg>((list, part) => msg('list_semicolon', list, part), first);
  return isMsg(joined) ? joined : msg('text', String(joined));
}
