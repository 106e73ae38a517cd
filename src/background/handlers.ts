/** Message handlers, typed by the protocol: one function per message name. */
import browser from 'webextension-polyfill';
import type {
  CookieProblem,
  MessageName,
  NotStoredHeader,
  RequestOf,
  ResponseOf,
  Scope,
  SiteGroup,
  TabCookies,
  TabView,
} from '../messages';
import type { SetCookieLog } from '../core/set-cookie-log';
import { pageSite, registrableDomain } from '../core/site';
import { errorText } from '../error-text';
import { bareDomain, type Cookie, sameState } from '../model/cookie';
import { checkCookie, likelyRefusal } from './check';
import {
  type Change,
  type CookieStore,
  deleteCookies,
  EditRefused,
  type Saved,
  saveConflictText,
  saveCookie,
} from './editor';
import { type JournalScope, listEntries, replace } from './journal';
import { storeIdForTab } from './cookie-api';
import { undo } from './undo';
import { abort, begin, finish } from './intent';
import { checkImportSize, evictionRisks, identity } from './limits';
import { browserLabel, defaultStoreId, watchEvictions } from './platform';
import { cookiesBySite } from './site-groups';
import { tabCookies } from './tab-cookies';
import { notStored } from '../core/set-cookie-log/not-stored';
import { undoTarget } from '../model/undo-target';
import { packFindings } from './packed-findings';

const cookieCount = (n: number) => `${n} cookie${n === 1 ? '' : 's'}`;

export type Handlers = { [N in MessageName]: (request: RequestOf<N>) => Promise<ResponseOf<N>> };

/** What the handlers work on: the cookie store (writes announced to the log) and the Set-Cookie log. */
export interface HandlerDeps {
  /** Changes wait for this first (the recovery of changes a stopped worker left half done). */
  ready?: Promise<unknown>;
  store: CookieStore;
  log: {
    withLog<T>(read: (log: SetCookieLog) => T | Promise<T>): Promise<T>;
    changed(tabId: number): void;
    /** A tab's frames as known now, without waiting for queued events. */
    framesNow(tabId: number): string[];
    status(): { recording: boolean; saveError?: string; dropped: number };
    /** Turns recording on or off and keeps the choice. */
    setRecording(on: boolean): Promise<void>;
  };
}

async function tabUrl(tabId: number): Promise<string> {
  return (await browser.tabs.get(tabId)).url ?? '';
}

/** A new partitioned cookie comes with an empty top-level site: it belongs to this tab's site. */
function resolvePartition(cookie: Cookie, pageUrl: string): Cookie {
  if (cookie.partitionKey?.topLevelSite !== '') return cookie;
  const url = new URL(pageUrl);
  const topSite = registrableDomain(url.hostname);
  // Said outright, so the write and its read-back name one partition, not either of two.
  const crossSite = registrableDomain(bareDomain(cookie)) !== topSite;
  return { ...cookie, partitionKey: { topLevelSite: `${url.protocol}//${topSite}`, hasCrossSiteAncestor: crossSite } };
}

/** The browser's own words, plus what our explainer says the cause most likely is. Never throws. */
function withReason(error: unknown, cookie: Cookie): Error {
  if (error instanceof EditRefused) return error;
  const said = errorText(error);
  let likely: string | undefined;
  try {
    likely = likelyRefusal(cookie);
  } catch {
    likely = undefined;
  }
  return new Error(
    `${browserLabel} refused the cookie: ${said}${likely && !said.includes(likely) ? ` Likely reason: ${likely}` : ''}`,
  );
}

function problem(cookie: Cookie, reason: string): CookieProblem {
  return { name: cookie.name, domain: cookie.domain, path: cookie.path, reason };
}

export function createHandlers({ store, log, ready }: HandlerDeps): Handlers {
  // Changes run one at a time: two at once (the popup and the panel, or two quick Delete presses)
  // could otherwise restore each other's removed cookies or lose a journal entry.
  let queue: Promise<unknown> = ready ?? Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  /**
   * Undo's reach: from a tab, its cookie store, its page's site and the sites of the page's frames;
   * from the manager, a whole store.
   */
  const scopeOf = async (scope: Scope): Promise<JournalScope> => {
    if (!('tabId' in scope)) return { storeId: scope.storeId };
    const { tabId } = scope;
    const tab = await browser.tabs.get(tabId);
    // Read at once: waiting behind the log's queue (a page's burst of headers) would hold up the
    // popup's first paint, which asks for the journal beside its cookies.
    const frames = log.framesNow(tabId);
    const sites = [tab.url ?? '', ...frames].map(pageSite).filter((site) => site !== '');
    return { storeId: await storeIdForTab(tab), sites: [...new Set(sites)] };
  };

  const bySite = (tabId: number) => cookiesBySite(tabId, (id) => log.withLog((l) => l.frames(id)));

  return {
    'cookies/for-tab': ({ tabId }) => tabCookies(tabId),

    'tab/view': async ({ tabId, bySite: grouped }) => {
      // Beside the rows, never before them: a log still busy with a burst of headers is left out.
      // An idle log answers long before the cookies and the journal are read.
      let headers: NotStoredHeader[] | undefined;
      log.withLog((l) => notStored(l.entries(tabId))).then(
        (found) => {
          headers = found;
        },
        () => {},
      );
      const [cookies, journal] = await Promise.all([
        grouped ? bySite(tabId) : tabCookies(tabId).then((top): TabCookies & { sites?: SiteGroup[] } => top),
        scopeOf({ tabId }).then(listEntries),
      ]);
      const { sites, ...top } = cookies;
      const view: TabView = { cookies: { ...packFindings(top), ...(sites ? { sites: sites.map(packFindings) } : {}) } };
      const undoNext = undoTarget(journal)?.label;
      if (undoNext !== undefined) view.undoNext = undoNext;
      if (headers) view.notStored = headers;
      return view;
    },

    'cookie/check': async (request) => {
      const { cookie } = request;
      if (!('tabId' in request)) throw new Error(NOT_YET);
      const pageUrl = await tabUrl(request.tabId);
      return checkCookie(resolvePartition(cookie, pageUrl), pageUrl);
    },

    'cookie/save': async (request) => {
      const { original: asOpened, next: asked, overwrite } = request;
      if (!('tabId' in request)) throw new Error(NOT_YET);
      const next = resolvePartition(asked, await tabUrl(request.tabId));
      return serially(async () => {
        // What the save replaces is the cookie as it is now, not the copy the form was opened on:
        // if the site changed it meanwhile, say so instead of overwriting it unseen.
        let original = asOpened;
        if (asOpened) {
          const current = (await store.getExact(asOpened)) ?? null;
          if (!overwrite && (!current || !sameState(current, asOpened))) {
            return { conflict: { current, message: saveConflictText(asOpened, current) } };
          }
          original = current ?? undefined;
        }
        const intent = await begin(store, original ? `Edited ${original.name}` : `Added ${next.name}`, [
          next,
          ...(original ? [original] : []),
        ]);
        let result: Saved;
        try {
          result = await saveCookie(store, original, next);
        } catch (error) {
          // Whatever the failed save took away (a put-back that failed too) comes back from its note.
          await abort(store, intent).catch(() => {});
          throw withReason(error, next);
        }
        const notes = await finish(intent, result.change);
        const warning = [result.warning, notes.warning].filter(Boolean).join(' ');
        return warning ? { saved: result.saved, warning } : { saved: result.saved };
      });
    },

    'cookies/delete': ({ cookies, label }) =>
      serially(async () => {
        const intent = await begin(store, label, cookies);
        const { change, missing, failed } = await deleteCookies(store, cookies);
        const notes = await finish(intent, change);
        return {
          removed: change.before.length,
          missing: missing.length,
          failed: failed.map((f) => problem(f.cookie, f.reason)),
          ...notes,
        };
      }),

    'cookies/import': ({ cookies }) =>
      serially(async () => {
        checkImportSize(cookies.length);
        const storeId = cookies[0]?.storeId ?? defaultStoreId;
        const intent = await begin(store, `Importing ${cookieCount(cookies.length)}`, cookies);
        const evictions = watchEvictions();
        // Keyed by identity, so the bookkeeping stays linear in the number of cookies.
        const originals = new Map<string, Cookie>();
        const written = new Map<string, Cookie>();
        const failed: CookieProblem[] = [];
        for (const cookie of cookies) {
          try {
            const existing = await store.getExact(cookie);
            const { change: one, warning } = await saveCookie(store, existing, cookie);
            // A cookie this import wrote earlier is not something to restore on undo; the original is.
            for (const b of one.before) if (!written.has(identity(b))) originals.set(identity(b), b);
            // And what it leaves is what it wrote last (Undo checks the cookie is still that).
            for (const w of one.after) written.set(identity(w), w);
            if (warning) failed.push(problem(cookie, warning));
          } catch (error) {
            failed.push(problem(cookie, withReason(error, cookie).message));
          }
        }
        // Cookies the browser evicted to make room are part of the change: reported, and Undo brings them back.
        const evicted = (await evictions.stop()).filter((c) => c.storeId === storeId && !written.has(identity(c)));
        for (const c of evicted) originals.set(identity(c), c);
        const change: Change = { before: [...originals.values()], after: [...written.values()] };
        for (const c of evicted)
          failed.push(problem(c, 'evicted by the browser to make room for the import; Undo brings it back'));
        const notes = await finish({ ...intent, label: `Imported ${cookieCount(change.after.length)}` }, change);
        return { written: change.after.length, failed, ...notes };
      }),

    'cookies/eviction-risks': async ({ cookies }) => ({
      risks: await evictionRisks(cookies, cookies[0]?.storeId ?? defaultStoreId),
    }),

    'cookies/by-site': ({ tabId }) => bySite(tabId),

    'setcookie/log': ({ tabId }) =>
      log.withLog((l) => ({ entries: l.entries(tabId), preserve: l.preserve(tabId), ...log.status() })),

    'setcookie/not-stored': ({ tabId }) => log.withLog((l) => ({ entries: notStored(l.entries(tabId)) })),

    'setcookie/recording': async ({ recording }) => {
      await log.setRecording(recording);
      return { recording };
    },

    'setcookie/clear': async ({ tabId }) => {
      const cleared = await log.withLog((l) => l.clear(tabId));
      log.changed(tabId);
      return { cleared };
    },

    'setcookie/preserve': async ({ tabId, preserve }) => {
      await log.withLog((l) => l.setPreserve(tabId, preserve));
      log.changed(tabId);
      return { preserve };
    },

    'journal/list': async (scope) => ({ entries: await listEntries(await scopeOf(scope)) }),

    'journal/undo': ({ entryId, force, ...scope }) =>
      serially(async () =>
        undo(store, await scopeOf(scope), {
          ...(entryId === undefined ? {} : { entryId }),
          ...(force === undefined ? {} : { force }),
        }),
      ),

    'journal/drop': ({ entryId, ...scope }) =>
      serially(async () => {
        const found = (await listEntries(await scopeOf(scope))).some((e) => e.id === entryId);
        if (found) await replace(entryId, undefined);
        return { dropped: found };
      }),

    // The manager's messages (issue 12): the contract is in messages.ts; the handlers come next.
    'cookies/set-expiry': notYet,
    'cookies/harden': notYet,
    'stores/list': notYet,
    'store/cookies': notYet,
    'protect/list': notYet,
    'protect/set': notYet,
    'backup/create': notYet,
    'backup/preview': notYet,
    'backup/restore': notYet,
  };
}

const NOT_YET = 'Not available yet.';
const notYet = async (): Promise<never> => {
  throw new Error(NOT_YET);
};
