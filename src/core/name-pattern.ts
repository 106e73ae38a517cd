/**
 * A protection rule's name pattern as a test: `*` is any run of characters, every other character
 * stands for itself (no regex syntax leaks through). Free of the public suffix list, so the popup,
 * the panel and the manager page use it without loading tldts; `protect.ts` builds on it.
 */
export function namePattern(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*')) return (name) => name === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
    .join('[\\s\\S]*');
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name);
}
