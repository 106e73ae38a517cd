/** Shared types of the pure cookie core. No browser API anywhere under src/core. */

export type Severity = 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export type BrowserName = 'chrome' | 'firefox';

export interface AuditContext {
  /** The page the cookies are looked at for (the tab's URL). */
  pageUrl: string;
  /** Whether the site is known to send Strict-Transport-Security; undefined when unknown. */
  hsts?: boolean;
  /** Milliseconds since the epoch; defaults to Date.now(). */
  now?: number;
  /** Browser the cookies live in, where a rule differs per browser. */
  browser?: BrowserName;
}

export interface Finding {
  /** Rule id, a public contract (shown in the UI as data-rule). */
  ruleId: string;
  /** cookieKey() of the cookie the finding is about. */
  cookieKey: string;
  severity: Severity;
  /** One line. */
  title: string;
  /** A short explanation for a web developer. */
  explanation: string;
  /** The fix, as the Set-Cookie attribute to add or change, e.g. `Secure` or `SameSite=Lax`. */
  fix: string;
  /** A link: RFC 6265bis section, OWASP cheat sheet, Chromium or MDN page. */
  reference: string;
}

/** Verdict of the browser on one Set-Cookie header. */
export type Verdict = 'stored' | 'replaced' | 'deleted' | 'rejected';

/**
 * Why a browser refused a cookie. Stable ids: they appear in the UI as data-reason and in the
 * sample server's catalogue.
 */
export type RejectReason =
  | 'empty' // no name and no value, or no '=' where one is required
  | 'control-characters'
  | 'too-large' // name + value over 4096 bytes
  | 'secure-from-insecure-origin'
  | 'samesite-none-insecure'
  | 'domain-mismatch'
  | 'domain-public-suffix'
  | 'invalid-prefix' // __Host-, __Secure-, __Http-, __Host-Http- rules not met
  | 'nameless-prefix' // empty name whose value starts like a prefix
  | 'overwrite-secure' // non-secure cookie would overwrite a Secure one from an insecure origin
  | 'overwrite-httponly' // script (document.cookie) may not overwrite an HttpOnly cookie
  | 'httponly-from-script' // document.cookie cannot set HttpOnly
  | 'partitioned-insecure'
  | 'non-ascii-domain'
  | 'samesite-cross-site' // Lax/Strict (or Lax-by-default) cookie set by a cross-site response
  | 'nameless-with-equals'; // Firefox: nameless cookie whose value contains '='
