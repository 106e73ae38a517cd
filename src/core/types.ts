/**
 * Shared types of the pure cookie core. No browser API anywhere under src/core. The vocabulary the
 * core shares with the UI (Severity, Verdict, RejectReason, HeaderNote) lives below it, in src/model.
 */
import type { Msg } from '../i18n/msg';
import type { Severity } from '../model/severity';

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
  /** One line, as a message the page words in the reader's language. */
  title: Msg;
  /** A short explanation for a web developer. */
  explanation: Msg;
  /** The fix: the Set-Cookie attribute to add or change, e.g. `Secure` or `SameSite=Lax` (a `text` message, never translated), or prose. */
  fix: Msg;
  /** A link: RFC 6265bis section, OWASP cheat sheet, Chromium or MDN page. */
  reference: string;
}
