/** Findings packed for `tab/view` (see PackedFindings): the pages' half. */
import type { Finding } from '../../core/types';
import type { Packed } from '../../messages';
import { type Cookie, cookieKey } from '../../model/cookie';

/** The findings back as the pages use them; findings with one wording share its strings. */
export function unpackFindings<T extends { cookies: Cookie[]; findings: Finding[] }>(group: Packed<T>): T {
  const keys = group.cookies.map(cookieKey);
  const { words, items } = group.findings;
  const findings: Finding[] = [];
  for (const [cookie, ruleId, severity, at] of items) {
    const wording = words[at];
    if (!wording) continue;
    const [title, explanation, fix, reference] = wording;
    findings.push({ ruleId, cookieKey: keys[cookie] ?? '', severity, title, explanation, fix, reference });
  }
  return { ...group, findings } as unknown as T;
}
