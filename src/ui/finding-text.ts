/** Short words for findings and flags, as rows and the summary show them, in the reader's language. Text only. */
import { type MessageId, type Msg, plural } from '../i18n/msg';
import type { Cookie } from '../model/cookie';
import { SAME_SITE_ATTRIBUTE } from '../model/same-site';
import type { Severity } from '../model/severity';
import { t } from './i18n';

/** What a finding's badge says: what is wrong in two or three words (the rule id is in the tooltip and details). */
const BADGE: Record<string, MessageId> = {
  'control-characters': 'badge_control_characters',
  'domain-non-ascii': 'badge_domain_non_ascii',
  'domain-wide': 'badge_domain_wide',
  'framework-session-name': 'badge_framework_session_name',
  'host-prefix-invalid': 'badge_host_prefix_invalid',
  'host-prefix-recommended': 'badge_host_prefix_recommended',
  'http-prefix-invalid': 'badge_http_prefix_invalid',
  'insecure-transport': 'badge_insecure_transport',
  'long-lifetime': 'badge_long_lifetime',
  'missing-httponly-session': 'badge_missing_httponly_session',
  'missing-httponly': 'badge_missing_httponly',
  'missing-secure': 'badge_missing_secure',
  nameless: 'badge_nameless',
  'non-token-value': 'badge_non_token_value',
  oversized: 'badge_oversized',
  'partitioned-insecure': 'badge_partitioned_insecure',
  'path-scoped-session': 'badge_path_scoped_session',
  'persistent-session': 'badge_persistent_session',
  'prefix-case': 'badge_prefix_case',
  'samesite-lax-session': 'badge_samesite_lax_session',
  'samesite-none-insecure': 'badge_samesite_none_insecure',
  'samesite-none': 'badge_samesite_none',
  'samesite-unspecified': 'badge_samesite_unspecified',
  'secure-prefix-invalid': 'badge_secure_prefix_invalid',
  'third-party-unpartitioned': 'badge_third_party_unpartitioned',
  'token-readable-by-script': 'badge_token_readable_by_script',
  'too-many-cookies': 'badge_too_many_cookies',
  'weak-session-id': 'badge_weak_session_id',
};

export function badgeText(ruleId: string, title: Msg): string {
  const badge = BADGE[ruleId];
  return t(badge ?? title);
}

const SEVERITY_LETTER: Record<Severity, string> = { high: 'H', medium: 'M', low: 'L', info: 'i' };

/** The row's severity mark: a letter (the colour and a shape come from the style). */
export function severityLetter(severity: Severity): string {
  return SEVERITY_LETTER[severity];
}

/** Flags as compact marks: `S` Secure, `H` HttpOnly, `Lax`/`Strict`/`None`, `P` partitioned. */
export function flagMarks(cookie: Pick<Cookie, 'secure' | 'httpOnly' | 'sameSite' | 'partitionKey'>): string {
  const marks: string[] = [];
  if (cookie.secure) marks.push('S');
  if (cookie.httpOnly) marks.push('H');
  if (cookie.sameSite !== 'unspecified') marks.push(SAME_SITE_ATTRIBUTE[cookie.sameSite]);
  if (cookie.partitionKey) marks.push('P');
  return marks.join(' ');
}

/** "1 cookie with a high finding", "3 cookies with a low finding": what a summary pill counts. */
export function severityPillTitle(count: number, severity: Severity): string {
  return t(plural(`severity_pill_${severity}`, count, count));
}
