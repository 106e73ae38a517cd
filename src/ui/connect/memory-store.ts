/**
 * An in-memory StoreConnector: the manager page renders over it in unit tests and demos, with no
 * browser. Sites, protection rules and the backup file are the pure core's own (so it uses tldts:
 * tests and demos only, never a page bundle); partitioned cookies go under their top-level site.
 * The audit is injected.
 */
import type { SiteSummary } from '../../core/audit';
import type { Finding } from '../../core/types';
import type {
  BulkOutcome,
  CookieProblem,
  JournalEntry,
  ProtectRule,
  RestorePreview,
  StoreCookies,
  StoreInfo,
  StoreSiteGroup,
} from '../../messages';
import { emptyRestorePreview, parseBackup, writeBackup } from '../../core/formats/backup';
import { changeRules, ruleMatcher, sitesNotCovered } from '../../core/protect';
import { cookieSite, registrableDomain, siteOf } from '../../core/site';
import { type Cookie, cookieKey, cookieSize } from '../../model/cookie';
import { sameState } from '../../model/cookie-compare';
import type { StoreConnector } from './connector';
import { msg, plural } from '../../i18n/msg';
import { t } from '../i18n';

/** "3 cookies", as the background words it in its labels. */
const cookieCount = (n: number) => t(plural('bg_cookies', n, n));

export interface MemoryStoreOptions {
  stores?: StoreInfo[];
  cookies: Cookie[];
  audit?: (cookies: Cookie[]) => Finding[];
  /** Return a reason to refuse a write, as a browser would. */
  refuse?: (cookie: Cookie) => string | undefined;
  rules?: ProtectRule[];
}

/** The site a cookie is listed under: its partition's top-level site, else its own. */
export function memorySite(cookie: Cookie): string {
  return cookie.partitionKey?.topLevelSite
    ? registrableDomain(siteOf(cookie.partitionKey.topLevelSite).site)
    : cookieSite(cookie);
}

function summaryOf(cookies: Cookie[], findings: Finding[]): SiteSummary {
  const counts = { high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const score = Math.max(0, 100 - counts.high * 30 - counts.medium * 10);
  const grade = score >= 90 ? 'A' : score >= 75 ? 'B' : score >= 60 ? 'C' : score >= 40 ? 'D' : 'F';
  return { cookies: cookies.length, counts, score, grade };
}

export type MemoryStoreConnector = StoreConnector & {
  jar: Map<string, Cookie>;
  rules: ProtectRule[];
  /** Tells the listeners that cookies changed (as a live update from the browser would). */
  changed(): void;
};

export function memoryStoreConnector(options: MemoryStoreOptions): MemoryStoreConnector {
  const stores = options.stores ?? [{ id: '0', kind: 'default', name: t('bg_store_normal') }];
  const jar = new Map(options.cookies.map((c) => [cookieKey(c), c]));
  const journal: JournalEntry[] = [];
  const listeners = new Set<() => void>();
  const audit = options.audit ?? (() => []);
  const state = { rules: [...(options.rules ?? [])] };
  const changed = () => {
    for (const l of listeners) l();
  };
  let nextId = 1;
  const record = (label: string, before: Cookie[], after: Cookie[], storeId: string) => {
    journal.unshift({ id: nextId++, at: Date.now(), label, before, after, storeId, sites: [] });
  };
  const isProtected = (c: Cookie) => ruleMatcher(state.rules)(c);
  const storeOf = (cookies: readonly Cookie[]) => cookies[0]?.storeId ?? stores[0]?.id ?? '0';

  const preview = (storeId: string, text: string): RestorePreview => {
    const read = parseBackup(text);
    const parsed = read.ok
      ? { cookies: read.backup.cookies, rules: read.backup.protected }
      : { cookies: [], rules: [] };
    const result: RestorePreview = emptyRestorePreview(read.ok ? [] : read.errors, parsed.rules);
    for (const raw of parsed.cookies) {
      const cookie = { ...raw, storeId };
      const current = jar.get(cookieKey(cookie));
      const reason = options.refuse?.(cookie);
      if (reason) result.refused.push({ name: cookie.name, domain: cookie.domain, path: cookie.path, reason });
      else if (!current) result.added.push(cookie);
      else if (sameState(current, cookie) && current.value === cookie.value) result.unchanged++;
      else if (isProtected(current)) result.protectedKept.push(current);
      else result.replaced.push({ before: current, after: cookie });
    }
    return result;
  };

  const bulk = (
    asked: Cookie[],
    label: (changed: number) => string,
    change: (c: Cookie) => Cookie,
    bulkOptions: { includeProtected?: boolean } = {},
  ): BulkOutcome => {
    // Protected cookies stay as they are unless included, as in the extension.
    const kept = bulkOptions.includeProtected ? [] : asked.filter(isProtected);
    const cookies = asked.filter((c) => !kept.includes(c));
    const failed: CookieProblem[] = [];
    const before: Cookie[] = [];
    const after: Cookie[] = [];
    let unchanged = 0;
    for (const c of cookies) {
      const next = change(c);
      if (JSON.stringify(next) === JSON.stringify(c)) {
        unchanged++;
        continue;
      }
      const reason = options.refuse?.(next);
      if (reason) {
        failed.push({ name: c.name, domain: c.domain, path: c.path, reason });
        continue;
      }
      jar.set(cookieKey(next), next);
      before.push(c);
      after.push(next);
    }
    if (after.length > 0) record(label(after.length), before, after, storeOf(cookies));
    changed();
    return { changed: after.length, unchanged, failed, ...(kept.length > 0 ? { protectedKept: kept.length } : {}) };
  };

  return {
    jar,
    get rules() {
      return state.rules;
    },
    changed,
    async stores() {
      return stores;
    },
    async load(storeId): Promise<StoreCookies> {
      const store = stores.find((s) => s.id === storeId);
      if (!store) throw new Error(`No cookie store ${storeId}.`);
      const bySite = new Map<string, Cookie[]>();
      for (const c of jar.values()) {
        if (c.storeId !== storeId) continue;
        const site = memorySite(c);
        const list = bySite.get(site) ?? [];
        list.push(c);
        bySite.set(site, list);
      }
      const sites: StoreSiteGroup[] = [...bySite.entries()].map(([site, cookies]) => {
        const findings = audit(cookies);
        const otherSites = sitesNotCovered(site, cookies);
        return {
          site,
          cookies,
          findings,
          summary: summaryOf(cookies, findings),
          bytes: cookies.reduce((n, c) => n + cookieSize(c), 0),
          ...(otherSites.length > 0 ? { otherSites } : {}),
        };
      });
      const protectedKeys = [...jar.values()].filter((c) => c.storeId === storeId && isProtected(c)).map(cookieKey);
      return { store, sites, protectedKeys };
    },
    async save(storeId, original, next, saveOptions = {}) {
      const current = original ? (jar.get(cookieKey(original)) ?? null) : undefined;
      if (original && !saveOptions.overwrite && (!current || !sameState(current, original))) {
        return {
          conflict: {
            current: current ?? null,
            message: current
              ? t('bg_conflict_changed', original.name, current.value)
              : t('bg_conflict_deleted', original.name),
          },
        };
      }
      const reason = options.refuse?.(next);
      if (reason) throw new Error(reason);
      const saved = { ...next, storeId };
      jar.set(cookieKey(saved), saved);
      if (original && cookieKey(original) !== cookieKey(saved)) jar.delete(cookieKey(original));
      record(t('bg_label_edited', saved.name), original ? [original] : [], [saved], storeId);
      changed();
      return { saved };
    },
    async check(_storeId, cookie) {
      const refusal = options.refuse?.(cookie);
      return refusal ? { findings: audit([cookie]), refusal: msg('text', refusal) } : { findings: audit([cookie]) };
    },
    async remove(cookies, label, removeOptions = {}) {
      const kept = removeOptions.includeProtected ? [] : cookies.filter(isProtected);
      const removed = cookies.filter((c) => jar.has(cookieKey(c)) && !kept.includes(c));
      for (const c of removed) jar.delete(cookieKey(c));
      if (removed.length > 0) record(label, removed, [], storeOf(cookies));
      changed();
      return {
        removed: removed.length,
        missing: cookies.length - removed.length - kept.length,
        failed: [],
        ...(kept.length > 0 ? { protectedKept: kept.length } : {}),
      };
    },
    async setExpiry(cookies, expirationDate, bulkOptions = {}) {
      return bulk(
        cookies,
        (n) => t(expirationDate === undefined ? 'bg_label_made_session' : 'bg_label_expiry', cookieCount(n)),
        (c) => {
          const { expirationDate: _old, ...rest } = c;
          return expirationDate === undefined
            ? { ...rest, session: true }
            : { ...rest, session: false, expirationDate };
        },
        bulkOptions,
      );
    },
    async harden(cookies, bulkOptions = {}) {
      return bulk(
        cookies,
        (n) => t('bg_label_hardened', cookieCount(n)),
        (c) => ({
          ...c,
          secure: true,
          httpOnly: true,
          sameSite: c.sameSite === 'unspecified' || c.sameSite === 'none' ? 'lax' : c.sameSite,
        }),
        bulkOptions,
      );
    },
    async importCookies(cookies) {
      for (const c of cookies) jar.set(cookieKey(c), c);
      record('Imported', [], cookies, storeOf(cookies));
      changed();
      return { written: cookies.length, failed: [] };
    },
    async evictionRisks() {
      return [];
    },
    async journal(storeId) {
      return journal.filter((e) => e.storeId === storeId);
    },
    async undo(storeId, undoOptions = {}) {
      const at = journal.findIndex(
        (e) =>
          e.storeId === storeId && (undoOptions.entryId === undefined ? !e.conflict : e.id === undoOptions.entryId),
      );
      const [entry] = at < 0 ? [] : journal.splice(at, 1);
      if (!entry) return { undone: null, problems: [], conflicts: [] };
      for (const c of entry.after) jar.delete(cookieKey(c));
      for (const c of entry.before) jar.set(cookieKey(c), c);
      changed();
      return { undone: entry.label, problems: [], conflicts: [] };
    },
    async dropUndo(_storeId, entryId) {
      const at = journal.findIndex((e) => e.id === entryId);
      if (at >= 0) journal.splice(at, 1);
      return at >= 0;
    },
    async protectRules() {
      return state.rules;
    },
    async setProtection({ add = [], remove = [] }) {
      state.rules = changeRules(state.rules, { add, remove });
      changed();
      return state.rules;
    },
    async backup(storeId) {
      const cookies = [...jar.values()].filter((c) => c.storeId === storeId);
      const store = stores.find((s) => s.id === storeId) ?? { id: storeId, kind: 'default' as const, name: storeId };
      const text = writeBackup({
        createdAt: new Date(0).toISOString(),
        browser: 'chrome',
        store,
        cookies,
        protected: state.rules,
      });
      return { text, cookies: cookies.length };
    },
    async previewRestore(storeId, text) {
      return preview(storeId, text);
    },
    async restore(storeId, text) {
      const p = preview(storeId, text);
      if (p.errors.length > 0) throw new Error(p.errors.map((e) => t(e)).join(' '));
      const written = [...p.added, ...p.replaced.map((r) => r.after)];
      for (const c of written) jar.set(cookieKey(c), c);
      if (written.length > 0)
        record(
          t('bg_label_restored', cookieCount(written.length)),
          p.replaced.map((r) => r.before),
          written,
          storeId,
        );
      changed();
      return {
        written: written.length,
        failed: p.refused,
        unchanged: p.unchanged,
        protectedKept: p.protectedKept.length,
      };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
