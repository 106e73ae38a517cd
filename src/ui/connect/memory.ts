/**
 * An in-memory connector: the same components render over it in unit tests and demos, with no
 * browser. The audit is injected, so it can be the real one (tests) or none (demo).
 */
import type { Finding } from '../../core/types';
import type { JournalEntry, ProtectRule, SetCookieLog, SiteGroup, TabCookies, TabCookiesBySite } from '../../messages';
import { bareDomain, type Cookie, cookieKey } from '../../model/cookie';
import { sameState } from '../../model/cookie-compare';
import type { SetCookieEntry } from '../../model/set-cookie-entry';
import type { Connector, SetCookieLogSource } from './connector';
import { msg } from '../../i18n/msg';
import { t } from '../i18n';
import { isProtected as covers } from '../../core/protect';

export interface MemoryOptions {
  url: string;
  cookies: Cookie[];
  audit?: (cookies: Cookie[]) => Finding[];
  /** Return a reason to refuse a write, as a browser would. */
  refuse?: (cookie: Cookie) => string | undefined;
  /** Group by site as the DevTools panel does: each site takes the cookies of its domains (and their subdomains). */
  sites?: Array<{ site: string; label: SiteGroup['label']; domains: string[] }>;
  /** Protection rules to start with; absent: the connector still protects (its rules start empty). */
  protect?: ProtectRule[];
}

function summaryOf(cookies: Cookie[], findings: Finding[]): TabCookies['summary'] {
  const counts = { high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { cookies: cookies.length, counts, score: 100, grade: 'A' };
}

export function memoryConnector(
  options: MemoryOptions,
): Connector & { jar: Map<string, Cookie>; rules: ProtectRule[] } {
  const jar = new Map(options.cookies.map((c) => [cookieKey(c), c]));
  const rules: ProtectRule[] = [...(options.protect ?? [])];
  const isProtected = (c: Cookie) => covers(c, rules);
  const protectedKeys = () => [...jar.values()].filter(isProtected).map(cookieKey);
  const journal: JournalEntry[] = [];
  const listeners = new Set<() => void>();
  const audit = options.audit ?? (() => []);
  const refuseWrite = options.refuse;
  const changed = () => {
    for (const l of listeners) l();
  };
  let nextId = 1;
  const record = (label: string, before: Cookie[], after: Cookie[], extra: Partial<JournalEntry> = {}) => {
    const id = nextId++;
    journal.unshift({ id, at: Date.now(), label, before, after, storeId: '0', sites: [], ...extra });
    return id;
  };

  return {
    jar,
    rules,
    async load(): Promise<TabCookies | TabCookiesBySite> {
      const all = [...jar.values()];
      const tab = { tabId: 1, url: options.url, storeId: '0', incognito: false };
      if (!options.sites) {
        const findings = audit(all);
        return { tab, cookies: all, findings, summary: summaryOf(all, findings), protectedKeys: protectedKeys() };
      }
      const sites: SiteGroup[] = options.sites.map(({ site, label, domains }) => {
        const cookies = all.filter((c) => domains.some((d) => bareDomain(c) === d || bareDomain(c).endsWith(`.${d}`)));
        const findings = audit(cookies);
        return { site, label, urls: [], cookies, findings, summary: summaryOf(cookies, findings) };
      });
      const top = sites[0] ?? { cookies: [], findings: [], summary: summaryOf([], []) };
      return {
        tab,
        cookies: top.cookies,
        findings: top.findings,
        summary: top.summary,
        sites,
        protectedKeys: protectedKeys(),
      };
    },
    async save(original, next, options = {}) {
      const current = original ? (jar.get(cookieKey(original)) ?? null) : undefined;
      if (original && !options.overwrite && (!current || !sameState(current, original))) {
        return {
          conflict: {
            current: current ?? null,
            message: current
              ? t('bg_conflict_changed', original.name, current.value)
              : t('bg_conflict_deleted', original.name),
          },
        };
      }
      const reason = refuseWrite?.(next);
      if (reason) throw new Error(reason);
      jar.set(cookieKey(next), next);
      if (original && cookieKey(original) !== cookieKey(next)) jar.delete(cookieKey(original));
      record(t(original ? 'bg_label_edited' : 'bg_label_added', next.name), original ? [original] : [], [next]);
      changed();
      return { saved: next };
    },
    async check(cookie) {
      const refusal = options.refuse?.(cookie);
      return refusal ? { findings: audit([cookie]), refusal: msg('text', refusal) } : { findings: audit([cookie]) };
    },
    async remove(cookies, label, { includeProtected = false } = {}) {
      // Like the background: protected cookies stay unless the user confirmed.
      const kept = includeProtected ? [] : cookies.filter((c) => jar.has(cookieKey(c)) && isProtected(c));
      const removed = cookies.filter((c) => jar.has(cookieKey(c)) && !kept.includes(c));
      for (const c of removed) jar.delete(cookieKey(c));
      if (removed.length > 0) record(label, removed, []);
      changed();
      const missing = cookies.length - removed.length - kept.length;
      return {
        removed: removed.length,
        missing,
        failed: [],
        ...(kept.length > 0 ? { protectedKept: kept.length } : {}),
      };
    },
    async importCookies(cookies) {
      // An import never replaces a protected cookie.
      const kept = cookies.filter((c) => jar.has(cookieKey(c)) && isProtected(jar.get(cookieKey(c)) as Cookie));
      const written = cookies.filter((c) => !kept.includes(c));
      for (const c of written) jar.set(cookieKey(c), c);
      record('Imported', [], written);
      changed();
      return { written: written.length, failed: [], ...(kept.length > 0 ? { protectedKept: kept.length } : {}) };
    },
    async protectRules() {
      return [...rules];
    },
    async setProtection({ add = [], remove = [] }) {
      const same = (a: ProtectRule, b: ProtectRule) => a.site === b.site && a.name === b.name;
      for (const r of remove) {
        const at = rules.findIndex((x) => same(x, r));
        if (at >= 0) rules.splice(at, 1);
      }
      for (const r of add) if (!rules.some((x) => same(x, r))) rules.push(r);
      changed();
      return [...rules];
    },
    async evictionRisks() {
      return [];
    },
    async journal() {
      return journal;
    },
    async undo(options = {}) {
      const at =
        options.entryId === undefined
          ? journal.findIndex((e) => !e.conflict)
          : journal.findIndex((e) => e.id === options.entryId);
      const [entry] = at < 0 ? [] : journal.splice(at, 1);
      if (!entry) return { undone: null, problems: [], conflicts: [] };
      // Like the background: a cookie the change created that changed since is left alone, unless forced.
      const changedSince = options.force
        ? []
        : entry.after.filter((c) => {
            const now = jar.get(cookieKey(c));
            return now !== undefined && !sameState(now, c);
          });
      for (const c of entry.after) if (!changedSince.includes(c)) jar.delete(cookieKey(c));
      for (const c of entry.before)
        if (!changedSince.some((x) => cookieKey(x) === cookieKey(c))) jar.set(cookieKey(c), c);
      changed();
      if (changedSince.length === 0) return { undone: entry.label, problems: [], conflicts: [] };
      const conflictEntry = record(
        t('bg_label_changed_since', entry.base ?? entry.label),
        entry.before.filter((c) => changedSince.some((x) => cookieKey(x) === cookieKey(c))),
        changedSince,
        { conflict: true, base: entry.base ?? entry.label },
      );
      const conflicts = changedSince.map((c) => ({
        name: c.name,
        domain: c.domain,
        path: c.path,
        message: t('bg_undo_changed_since', c.name),
      }));
      return { undone: entry.label, problems: [], conflicts, conflictEntry };
    },
    async dropUndo(entryId) {
      const at = journal.findIndex((e) => e.id === entryId);
      if (at >= 0) journal.splice(at, 1);
      return at >= 0;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** An in-memory Set-Cookie log for tests and demos; `push` adds entries as the background would. */
export function memoryLogSource(initial: SetCookieEntry[] = []): SetCookieLogSource & {
  push(...entries: SetCookieEntry[]): void;
  state: SetCookieLog;
} {
  const state: SetCookieLog = { entries: [...initial], preserve: false, recording: true, dropped: 0 };
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  return {
    state,
    push(...entries) {
      state.entries.push(...entries);
      changed();
    },
    async load() {
      return { ...state, entries: [...state.entries] };
    },
    async setRecording(recording) {
      state.recording = recording;
      changed();
    },
    async clear() {
      state.entries = [];
      changed();
    },
    async setPreserve(preserve) {
      state.preserve = preserve;
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
