/**
 * Backup and restore of a whole cookie store. A backup holds every cookie of the store (partitioned
 * ones included) and the protection rules. Restoring shows what it would do first (the preview:
 * nothing is written), then writes as an import does, as one undoable step: into whichever store is
 * chosen (each cookie takes the target store's id), never touching a protected cookie, and adding
 * the backup's rules to the current ones. A backup with any error restores nothing.
 */
import { type Backup, emptyRestorePreview, parseBackup, writeBackup } from '../core/formats/backup';
import { ruleMatcher } from '../core/protect';
import { errorText } from '../error-text';
import type { RestoreOutcome, RestorePreview } from '../messages';
import type { Cookie } from '../model/cookie';
import { sameState } from '../model/cookie-compare';
import { likelyRefusal } from './check';
import { cookieCount, word, wordDate } from './words';
import { getAllInStore } from './cookie-api';
import type { CookieStore } from './editor';
import { identity, risksAgainst } from './limits';
import { browserName } from './platform';
import { problem } from './problems';
import { getRules, setRules } from './protection';
import { storeInfo } from './stores';
import { writeMany } from './write-many';

/** Every cookie of the store and the protection rules, as the backup file's text. */
export async function createBackup(storeId: string, now = Date.now()): Promise<{ text: string; cookies: number }> {
  const [cookies, store, rules] = await Promise.all([getAllInStore(storeId), storeInfo(storeId), getRules()]);
  const text = writeBackup({
    createdAt: new Date(now).toISOString(),
    browser: browserName,
    store: { id: store.id, kind: store.kind, name: store.name },
    cookies,
    protected: rules,
  });
  return { text, cookies: cookies.length };
}

/** Why the browser certainly will not store a cookie from the backup (it has expired since), or undefined. */
function certainRefusalOf(cookie: Cookie, nowMs: number): string | undefined {
  if (!cookie.session && cookie.expirationDate !== undefined && cookie.expirationDate * 1000 <= nowMs) {
    return word('bg_expired_since_backup', wordDate(cookie.expirationDate * 1000));
  }
  return undefined;
}

/**
 * Why the browser may refuse a cookie, as a warning only: the explainer predicts what a Set-Cookie
 * header would do, and the cookies API stores things a header could not (a partitioned
 * SameSite=Strict cookie, for one), so such a cookie is still tried.
 */
function likelyRefusalOf(cookie: Cookie, nowMs: number): string | undefined {
  try {
    const refusal = likelyRefusal(cookie, nowMs);
    return refusal && word(refusal);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

interface Plan {
  preview: RestorePreview;
  backup?: Backup;
  /** The cookies to write: added and replaced (those that may be refused too), not expired, not protected, not unchanged. */
  writes: Cookie[];
}

async function plan(storeId: string, text: string, nowMs: number): Promise<Plan> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { preview: emptyRestorePreview(parsed.errors), writes: [] };
  const { backup } = parsed;
  const [stored, rules] = await Promise.all([getAllInStore(storeId), getRules()]);
  const covered = ruleMatcher(rules);
  const current = new Map(stored.map((c) => [identity(c), c]));
  const preview = emptyRestorePreview([]);
  preview.rules = backup.protected;
  const writes: Cookie[] = [];
  for (const row of backup.cookies) {
    const cookie: Cookie = { ...row, storeId };
    const before = current.get(identity(cookie));
    if (before && sameState(before, cookie) && before.hostOnly === cookie.hostOnly) {
      preview.unchanged++;
      continue;
    }
    if (before && covered(before)) {
      preview.protectedKept.push(before);
      continue;
    }
    const refusal = certainRefusalOf(cookie, nowMs);
    if (refusal) {
      preview.refused.push(problem(cookie, refusal));
      continue;
    }
    if (before) preview.replaced.push({ before, after: cookie });
    else preview.added.push(cookie);
    writes.push(cookie);
    const likely = likelyRefusalOf(cookie, nowMs);
    if (likely) preview.mayRefuse.push(problem(cookie, word('bg_may_be_refused', likely)));
  }
  preview.risks = risksAgainst(stored, preview.added);
  return { preview, backup, writes };
}

/** What restoring the backup text into the store would do. Writes nothing. */
export async function previewRestore(storeId: string, text: string, nowMs = Date.now()): Promise<RestorePreview> {
  return (await plan(storeId, text, nowMs)).preview;
}

/**
 * Restores the backup into the store as one undoable step; refuses, writing nothing, when the
 * backup has any error. Only cookies that have expired are reported without being tried; every other
 * cookie is written, and each one the browser refuses is reported with the browser's reason.
 */
export async function restoreBackup(
  store: CookieStore,
  storeId: string,
  text: string,
  nowMs = Date.now(),
): Promise<RestoreOutcome> {
  const { preview, backup, writes } = await plan(storeId, text, nowMs);
  if (!backup || preview.errors.length > 0) {
    throw new Error(word('bg_nothing_restored', preview.errors.map((e) => word(e)).join(' ')));
  }
  // The rules now, as the preview saw them, decide what is protected; the backup's rules are added after.
  const outcome = await writeMany(store, writes, storeId, {
    label: {
      during: word('bg_label_restoring', cookieCount(writes.length)),
      done: (n) => word('bg_label_restored', cookieCount(n)),
    },
    what: 'restore',
    isProtected: ruleMatcher(await getRules()),
    skipUnchanged: true,
  });
  const warnings = outcome.warning ? [outcome.warning] : [];
  if (backup.protected.length > 0) {
    try {
      await setRules({ add: backup.protected });
    } catch (error) {
      warnings.push(word('bg_rules_not_added', errorText(error)));
    }
  }
  const answer: RestoreOutcome = {
    written: outcome.written,
    failed: [...preview.refused, ...outcome.failed],
    unchanged: preview.unchanged + outcome.unchanged,
    protectedKept: preview.protectedKept.length + outcome.protectedKept,
  };
  if (warnings.length > 0) answer.warning = warnings.join(' ');
  return answer;
}
