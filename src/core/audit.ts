/**
 * The cookie audit: every rule against every cookie, and a site summary with a grade.
 *
 * Site grade (also in the README, "Site grade"). Like the cookie test of Mozilla's HTTP Observatory,
 * the worst cookie decides: each cookie loses points for its findings, and the site scores
 * 100 minus the largest loss of any one cookie (never below 0).
 *
 * Points a cookie loses per finding:
 * | finding                                       | points                            |
 * |-----------------------------------------------|-----------------------------------|
 * | missing-secure on a session-like cookie       | 40 (20 when the site sends HSTS)  |
 * | missing-secure on another cookie              | 20 (10 when the site sends HSTS)  |
 * | missing-httponly-session                      | 30                                |
 * | samesite-unspecified, session-like/anti-CSRF  | 20                                |
 * | samesite-unspecified, other cookie            | 5                                 |
 * | samesite-none-insecure                        | 20                                |
 * | any other high finding                        | 15                                |
 * | any other medium finding                      | 5                                 |
 * | low and info findings                         | 0                                 |
 * Missing Secure costs half when the site is known to send HSTS (`context.hsts`); the Observatory softens
 * it too: the browser then never uses http: for the site, except on a first visit when it is not preloaded.
 *
 * Grade: A from 90, B from 80, C from 70, D from 60, F below 60 (no E, as in the Observatory).
 * A site without cookies, or whose cookies have only low and info findings, gets A.
 */
import { type Cookie, cookieKey } from '../model/cookie';
import { rules } from './rules/index';
import { SEVERITIES, type Severity } from '../model/severity';
import type { AuditContext, Finding } from './types';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface SiteSummary {
  /** Number of cookies audited. */
  cookies: number;
  /** Findings per severity. */
  counts: Record<Severity, number>;
  /** 0–100: 100 minus the worst cookie's penalty. */
  score: number;
  grade: Grade;
  /** cookieKey() of the cookie that lost the most points; absent when none lost any. */
  worstCookieKey?: string;
}

/**
 * Every rule against every cookie: findings in cookie order, and for each cookie in rule order. Each
 * finding carries `cookieKey(cookie)`. Pure: time comes from `context.now` (default `Date.now()`).
 */
export function audit(cookies: readonly Cookie[], context: AuditContext): Finding[] {
  const findings: Finding[] = [];
  for (const cookie of cookies) {
    const key = cookieKey(cookie);
    for (const rule of rules) {
      const hit = rule.check({ cookie, all: cookies, ctx: context });
      if (!hit) continue;
      findings.push({
        ruleId: rule.id,
        cookieKey: key,
        severity: hit.severity,
        title: hit.title ?? rule.title,
        explanation: hit.explanation ?? rule.explanation,
        fix: hit.fix ?? rule.fix,
        reference: rule.reference,
      });
    }
  }
  return findings;
}

const SEVERITY_POINTS: Record<Severity, number> = { high: 15, medium: 5, low: 0, info: 0 };

/** The points one finding costs its cookie (see the table at the top of this module). */
export function penaltyOf(finding: Pick<Finding, 'ruleId' | 'severity'>, hsts = false): number {
  switch (finding.ruleId) {
    case 'missing-secure':
      if (finding.severity === 'high') return hsts ? 20 : 40;
      return hsts ? 10 : 20;
    case 'missing-httponly-session':
      return 30;
    case 'samesite-unspecified':
      return finding.severity === 'medium' ? 20 : 5;
    case 'samesite-none-insecure':
      return 20;
    default:
      return SEVERITY_POINTS[finding.severity];
  }
}

export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

/** Counts per severity and the site grade; `context.hsts` softens the missing-secure penalty. */
export function summarize(
  cookies: readonly Cookie[],
  findings: readonly Finding[],
  context: Pick<AuditContext, 'hsts'> = {},
): SiteSummary {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const lost = new Map<string, number>();
  for (const finding of findings) {
    counts[finding.severity] += 1;
    const points = penaltyOf(finding, context.hsts === true);
    lost.set(finding.cookieKey, (lost.get(finding.cookieKey) ?? 0) + points);
  }
  let worstCookieKey: string | undefined;
  let worst = 0;
  for (const [key, points] of lost) {
    if (points > worst) {
      worst = points;
      worstCookieKey = key;
    }
  }
  const score = Math.max(0, 100 - worst);
  return {
    cookies: cookies.length,
    counts,
    score,
    grade: gradeOf(score),
    ...(worstCookieKey === undefined ? {} : { worstCookieKey }),
  };
}
