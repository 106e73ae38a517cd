/** Short words for findings and flags, as rows and the summary show them. Text only. */
import type { Cookie } from '../model/cookie';
import { SAME_SITE_ATTRIBUTE } from '../model/same-site';
import type { Severity } from '../model/severity';

/** What a finding's badge says: what is wrong in two or three words (the rule id is in the tooltip and details). */
const BADGE: Record<string, string> = {
  'control-characters': 'Control characters',
  'domain-non-ascii': 'Non-ASCII domain',
  'domain-wide': 'All subdomains',
  'framework-session-name': 'Default session name',
  'host-prefix-invalid': 'Broken __Host-',
  'host-prefix-recommended': 'No __Host-',
  'http-prefix-invalid': 'Broken __Http-',
  'insecure-transport': 'Sent over http',
  'long-lifetime': 'Over 400 days',
  'missing-httponly-session': 'Readable by scripts',
  'missing-httponly': 'Readable by scripts',
  'missing-secure': 'Not Secure',
  nameless: 'No name',
  'non-token-value': 'Unsafe characters',
  oversized: 'Over 4 KB',
  'partitioned-insecure': 'Partitioned, not Secure',
  'path-scoped-session': 'Path-scoped session',
  'persistent-session': 'Survives restarts',
  'prefix-case': 'Prefix case',
  'samesite-lax-session': 'Session, Lax',
  'samesite-none-insecure': 'None, not Secure',
  'samesite-none': 'Cross-site',
  'samesite-unspecified': 'No SameSite',
  'secure-prefix-invalid': 'Broken __Secure-',
  'third-party-unpartitioned': 'Not partitioned',
  'token-readable-by-script': 'Token readable by scripts',
  'too-many-cookies': 'Too many cookies',
  'weak-session-id': 'Guessable id',
};

export function badgeText(ruleId: string, title: string): string {
  return BADGE[ruleId] ?? title;
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
  return `${count} ${count === 1 ? 'cookie' : 'cookies'} with a ${severity} finding: show only them`;
}
