/**
 * An in-memory connector: the same components render over it in unit tests and demos, with no
 * browser. The audit is injected, so it can be the real one (tests) or none (demo).
 */
import type { Finding } from '../../core/types';
import type { JournalEntry, TabCookies } from '../../messages';
import { type Cookie, cookieKey } from '../../model/cookie';
import type { Connector } from './connector';

export interface MemoryOptions {
  url: string;
  cookies: Cookie[];
  audit?: (cookies: Cookie[]) => Finding[];
  /** Return a reason to refuse a write, as a browser would. */
  refuse?: (cookie: Cookie) => string | undefined;
}

export function memoryConnector(options: MemoryOptions): Connector & { jar: Map<string, Cookie> } {
  const jar = new Map(options.cookies.map((c) => [cookieKey(c), c]));
  const journal: JournalEntry[] = [];
  const listeners = new Set<() => void>();
  const audit = options.audit ?? (() => []);
  const changed = () => {
    for (const l of listeners) l();
  };
  const record = (label: string, before: Cookie[], after: Cookie[]) =>
    journal.unshift({ id: journal.length + 1, at: Date.now(), label, before, after });

  return {
    jar,
    async load(): Promise<TabCookies> {
      const cookies = [...jar.values()];
      const findings = audit(cookies);
      const counts = { high: 0, medium: 0, low: 0, info: 0 };
      for (const f of findings) counts[f.severity]++;
      return {
        tab: { tabId: 1, url: options.url, storeId: '0', incognito: false },
        cookies,
        findings,
        summary: { cookies: cookies.length, counts, score: 100, grade: 'A' },
      };
    },
    async save(original, next) {
      const reason = options.refuse?.(next);
      if (reason) throw new Error(reason);
      jar.set(cookieKey(next), next);
      if (original && cookieKey(original) !== cookieKey(next)) jar.delete(cookieKey(original));
      record(`Edited ${next.name}`, original ? [original] : [], [next]);
      changed();
      return next;
    },
    async check(cookie) {
      const refusal = options.refuse?.(cookie);
      return refusal ? { findings: audit([cookie]), refusal } : { findings: audit([cookie]) };
    },
    async remove(cookies, label) {
      const removed = cookies.filter((c) => jar.delete(cookieKey(c)));
      record(label, removed, []);
      changed();
      return removed.length;
    },
    async importCookies(cookies) {
      for (const c of cookies) jar.set(cookieKey(c), c);
      record('Imported', [], cookies);
      changed();
      return { written: cookies.length, failed: [] };
    },
    async journal() {
      return journal;
    },
    async undo() {
      const entry = journal.shift();
      if (!entry) return null;
      for (const c of entry.after) jar.delete(cookieKey(c));
      for (const c of entry.before) jar.set(cookieKey(c), c);
      changed();
      return entry.label;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
