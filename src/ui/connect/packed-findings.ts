/** Findings packed for `tab/view` (see PackedFindings): the pages' half. */
import type { Finding } from '../../core/types';
import type { Packed } from '../../messages';
import { type Cookie, cookieKey } from '../../model/cookie';

/** The findings back as the pages use them; findings with one wording share its strings. */
export function unpackFindings<T extends { cookies: Cookie[]; findings: Finding[] }>(group: Packed<T>): T {
  const keys = group.cookies.map(cookieKey);
  const { words, items } = group.findings;
  const findings = items.map(([cookie, ruleId, severity, at]): Finding => {
    const [title, explanation, fix, reference] = words[at] ?? ['', '', '', ''];
    return { ruleId, cookieKey: keys[cookie] ?? '', severity, title, explanation, fix, reference };
  });
  return { ...group, findings } as unknown as T;
}
