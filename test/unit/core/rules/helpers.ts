/** Run one rule against one cookie (or a sample) in tests. */
import type { Cookie } from '../../../../src/model/cookie';
import { type RuleId, ruleById } from '../../../../src/core/rules/index';
import { type RuleHit, SAMPLE_CONTEXT, sampleCookie } from '../../../../src/core/rules/rule';
import type { AuditContext } from '../../../../src/core/types';
import { en } from '../../en';

export { SAMPLE_CONTEXT, SAMPLE_NOW, sampleCookie } from '../../../../src/core/rules/rule';

export interface RunOptions {
  ctx?: Partial<AuditContext>;
  all?: readonly Cookie[];
}

/** A rule hit with its texts worded in English. */
export interface WordedHit {
  severity: RuleHit['severity'];
  title: string;
  explanation: string;
  fix: string;
}

/** What rule `id` reports on a sample cookie with `overrides` (texts defaulted as audit() does, in English), or null. */
export function run(id: RuleId, overrides: Partial<Cookie> = {}, options: RunOptions = {}): WordedHit | null {
  const cookie = sampleCookie(overrides);
  return runOn(id, cookie, options);
}

export function runOn(id: RuleId, cookie: Cookie, options: RunOptions = {}): WordedHit | null {
  const rule = ruleById(id);
  const hit = rule.check({ cookie, all: options.all ?? [cookie], ctx: { ...SAMPLE_CONTEXT, ...options.ctx } });
  if (!hit) return null;
  return {
    severity: hit.severity,
    title: en(hit.title ?? rule.title),
    explanation: en(hit.explanation ?? rule.explanation),
    fix: en(hit.fix ?? rule.fix),
  };
}

/** The severity the rule reports, or null when it does not fire. */
export function severity(id: RuleId, overrides: Partial<Cookie> = {}, options: RunOptions = {}) {
  return run(id, overrides, options)?.severity ?? null;
}

/** Random-looking session ids for samples (fixed strings, so tests are deterministic). */
export const STRONG_ID = 'mL3kJ9hG7fD5sA1qW8eR4tY6uI2oP0zX';
export const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLWJ5dGVz';
