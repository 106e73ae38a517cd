/** Findings packed for `tab/view` (see PackedFindings): the background's half. */
import type { Finding } from '../core/types';
import type { Packed, PackedFindings } from '../messages';
import { type Cookie, cookieKey } from '../model/cookie';

/** A group's findings packed for the wire; every finding is about one of the group's cookies. */
export function packFindings<T extends { cookies: Cookie[]; findings: Finding[] }>(group: T): Packed<T> {
  const index = new Map(group.cookies.map((c, i) => [cookieKey(c), i]));
  const wordings = new Map<string, number>();
  const packed: PackedFindings = { words: [], items: [] };
  for (const f of group.findings) {
    const cookie = index.get(f.cookieKey);
    if (cookie === undefined) throw new Error(`finding ${f.ruleId} is about a cookie not in its group`);
    const wording = JSON.stringify([f.title, f.explanation, f.fix, f.reference]);
    let at = wordings.get(wording);
    if (at === undefined) {
      at = packed.words.push([f.title, f.explanation, f.fix, f.reference]) - 1;
      wordings.set(wording, at);
    }
    packed.items.push([cookie, f.ruleId, f.severity, at]);
  }
  return { ...group, findings: packed };
}
