/**
 * A protection rule's name pattern as a test: `*` is any run of characters, every other character
 * stands for itself (no regex syntax leaks through). Free of the public suffix list, so the popup,
 * the panel and the manager page use it without loading tldts; `protect.ts` builds on it.
 *
 * Matched in linear time, without a regex: the names are chosen by sites, and a backtracking regex
 * such as `^[\s\S]*a[\s\S]*a[\s\S]*b$` took tens of seconds on one long name (this runs in the
 * background on every popup load). The literal parts between the stars must appear in order, the
 * first at the start and the last at the end; taking each middle part at its earliest place is
 * always right, since it leaves the most room for the parts after it.
 */
export function namePattern(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*')) return (name) => name === pattern;
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1).filter((p) => p !== '');
  return (name) => {
    if (name.length < first.length + last.length) return false;
    if (!name.startsWith(first) || !name.endsWith(last)) return false;
    let at = first.length;
    const end = name.length - last.length;
    for (const part of middle) {
      const found = name.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
