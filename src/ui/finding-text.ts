/** Short words for findings and flags, as rows and the summary show them, in the reader's language. Text only. */
import { type MessageId, type Msg, plural } from '../i18n/msg';
import type { Cookie } from '../model/cookie';
import { SAME_SITE_ATTRIBUTE } from '../model/same-site';
import { type Severity, SEVERITIES } from '../model/severity';
import { num, t } from './i18n';

/**
 * What a finding's badge says: what is wrong in two or three words (the rule id is in the tooltip and
 * details). The catalogue's `badge_<rule id>`, else the title (a rule without a badge yet).
 */
export function badgeText(ruleId: string, title: Msg): string {
  return t(`badge_${ruleId.replace(/-/g, '_')}` as MessageId) || t(title);
}

const SEVERITY_WORD: Record<Severity, MessageId> = {
  high: 'sev_high',
  medium: 'sev_medium',
  low: 'sev_low',
  info: 'sev_info',
};

/** The severity in a word: `high`, `medium`, `low`, `info` (en). */
export function severityWord(severity: Severity): string {
  return t(SEVERITY_WORD[severity]);
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

/**
 * What a screen reader hears for a row: its name, then how many findings of each severity, most
 * serious first ("sid, 1 high, 2 medium"), or that it has none; "protected" when a rule covers it.
 */
export function rowAccessibleName(
  name: string,
  findings: readonly { severity: Severity }[],
  options: { locked?: boolean } = {},
): string {
  const parts = [name || t('no_name')];
  if (options.locked) parts.push(t('a_protected'));
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  if (counts.length === 0) parts.push(t('a_no_warnings'));
  for (const [severity, n] of counts) parts.push(t('sev_count', num(n), severityWord(severity)));
  return parts.reduce((list, part) => t('list_comma', list, part));
}
