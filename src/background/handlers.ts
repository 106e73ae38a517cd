/** Message handlers, typed by the protocol: one function per message name. */
import browser from 'webextension-polyfill';
import type {
  BulkOutcome,
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
import { cookieSite, pageSite, registrableDomain } from '../core/site';
import { bareDomain, type Cookie } from '../model/cookie';
import { sameState } from '../model/cookie-compare';
import { checkCookie } from './check';
import { msg } from '../i18n/msg';
import { type CookieStore, deleteCookies, type Saved, saveConflictText, saveCookie } from './editor';
import { type JournalScope, listEntries, replace } from './journal';
import { storeIdForTab } from './cookie-api';
import { undo } from './undo';
import { abort, begin, finish } from './intent';
import { checkImportSize, evictionRisks } from './limits';
import { defaultStoreId } from './platform';
import { problem, withReason } from './problems';
import { cookieCount, word } from './words';
import { getRules, protectedKeysOf, setRules, splitProtected } from './protection';
import { ruleMatcher } from '../core/protect';
import { cookiesBySite } from './site-groups';
import { sitePageUrl, storeCookies } from './store-cookies';
import { listStores } from './stores';
import { harden, setExpiry } from './bulk';
import { createBackup, previewRestore, restoreBackup } from './backup';
import { writeMany } from './write-many';
import { tabCookies } from './tab-cookies';
import { notStored } from '../core/set-cookie-log/not-stored';
import { undoTarget } from '../model/undo-target';
import { packFindings } from './packed-findings';

/** The cookies a change may touch: all of them when the user included protected ones, else the unprotected. */
async function splitUnless(includeProtected: boolean | undefined, cookies: Cookie[]) {
  return includeProtected === true ? { kept: [], free: cookies } : splitProtected(cookies);
}

/** Runs a bulk change on the free cookies; the kept ones are counted in its outcome. */
async function withKept(
  split: { kept: readonly Cookie[]; free: Cookie[] },
  run: (free: Cookie[]) => Promise<BulkOutcome>,
): Promise<BulkOutcome> {
  const outcome = await run(split.free);
  return split.kept.length > 0 ? { ...outcome, protectedKept: split.kept.length } : outcome;
}

export type Handlers = { [N in MessageName]: (request: RequestOf<N>) => Promise<ResponseOf<N>> };

/** What the handlers work on: the cookie store (writes announced to the log) and the Set-Cookie log. */
export interface HandlerDeps {
  /** Changes wait for this first (the recovery of changes a stopped worker left half done). */
  ready?: Promise<unknown>;
  /** Tells open pages that what they show changed without a cookie changing (the protection rules). */
  broadcast?: () => void;
  /**
   * Runs one of the changes below (each, one at a time) while holding back the live announcements
   * of its cookie events, so thousands of them do not make open pages reload thousands of times.
   */
  changing?: <T>(work: () => Promise<T>) => Promise<T>;
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

/**
 * The page a cookie is checked from, and the cookie as it will be written, when the manager edits
 * it (a whole store, no tab): its own site's page. A new partitioned cookie must say its top-level
 * site, as there is no tab to take it from.
 */
function inStore(cookie: Cookie, storeId: string): { cookie: Cookie; pageUrl: string } {
  if (cookie.partitionKey && cookie.partitionKey.topLevelSite === '') {
    throw new Error(word('bg_partition_needs_site'));
  }
  return { cookie: { ...cookie, storeId }, pageUrl: sitePageUrl(cookieSite(cookie)) };
}

export function createHandlers({ store, log, ready, broadcast, changing }: HandlerDeps): Handlers {
  // Changes run one at a time: two at once (the popup and the panel, or two quick Delete presses)
  // could otherwise restore each other's removed cookies or lose a journal entry.
  let queue: Promise<unknown> = ready ?? Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const held = changing ? () => changing(work) : work;
    const run = queue.then(held, held);
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
  /**
   * By site with the frames the log knows now, for a page's first screen: a log busy with a burst of
   * headers, or a worker that has just started and is still reading its saved log, would otherwise
   * hold the rows up. Once the log has caught up, frames it learned meanwhile (after a worker restart:
   * every third-party frame) are announced as a change, and the page asks again.
   */
  const bySiteNow = (tabId: number) => {
    const known = log.framesNow(tabId);
    log
      .withLog((l) => l.frames(tabId))
      .then(
        (frames) => {
          const before = new Set(known);
          const after = new Set(frames);
          if (after.size !== before.size || frames.some((url) => !before.has(url))) broadcast?.();
        },
        () => {},
      );
    return cookiesBySite(tabId, async () => known);
  };

  return {
    'cookies/for-tab': async ({ tabId }) => {
      const answer = await tabCookies(tabId);
      return { ...answer, protectedKeys: await protectedKeysOf(answer.cookies) };
    },

    'tab/view': async ({ tabId, bySite: grouped }) => {
      // Beside the rows, never before them: a log still busy with a burst of headers is left out.
      // An idle log answers long before the cookies and the journal are read.
      let headers: NotStoredHeader[] | undefined;
      log
        .withLog((l) => notStored(l.entries(tabId)))
        .then(
          (found) => {
            headers = found;
          },
          () => {},
        );
      const [cookies, journal] = await Promise.all([
        grouped ? bySiteNow(tabId) : tabCookies(tabId).then((top): TabCookies & { sites?: SiteGroup[] } => top),
        scopeOf({ tabId }).then(listEntries),
      ]);
      const { sites, ...top } = cookies;
      const shown = [...top.cookies, ...(sites ?? []).flatMap((s) => s.cookies)];
      const protectedKeys = [...new Set(await protectedKeysOf(shown))];
      const view: TabView = {
        cookies: { ...packFindings({ ...top, protectedKeys }), ...(sites ? { sites: sites.map(packFindings) } : {}) },
      };
      const undoNext = undoTarget(journal)?.label;
      if (undoNext !== undefined) view.undoNext = undoNext;
      if (headers) view.notStored = headers;
      return view;
    },

    'cookie/check': async (request) => {
      const { cookie } = request;
      if (!('tabId' in request)) {
        let placed: ReturnType<typeof inStore>;
        try {
          placed = inStore(cookie, request.storeId);
        } catch (error) {
          return { findings: [], refusal: msg('text', (error as Error).message) };
        }
        return checkCookie(placed.cookie, placed.pageUrl);
      }
      const pageUrl = await tabUrl(request.tabId);
      return checkCookie(resolvePartition(cookie, pageUrl), pageUrl);
    },

    'cookie/save': async (request) => {
      const { original: asOpened, next: asked, overwrite } = request;
      let next: Cookie;
      if ('tabId' in request) next = resolvePartition(asked, await tabUrl(request.tabId));
      else {
        if (asOpened && asOpened.storeId !== request.storeId) {
          throw new Error(word('bg_other_store'));
        }
        next = inStore(asked, request.storeId).cookie;
      }
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
        const intent = await begin(
          store,
          original ? word('bg_label_edited', original.name) : word('bg_label_added', next.name),
          [next, ...(original ? [original] : [])],
          undefined,
          [next],
        );
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

    'cookies/delete': ({ cookies, label, includeProtected }) =>
      serially(async () => {
        // Protected cookies stay unless the user confirmed deleting them too.
        const { kept, free } = includeProtected ? { kept: [], free: cookies } : await splitProtected(cookies);
        // A delete writes nothing: its entry is the cookies it removes, with their values.
        const intent = await begin(store, label, free, undefined, []);
        const { change, missing, failed } = await deleteCookies(store, free);
        const notes = await finish(intent, change);
        return {
          removed: change.before.length,
          missing: missing.length,
          failed: failed.map((f) => problem(f.cookie, f.reason)),
          ...(kept.length > 0 ? { protectedKept: kept.length } : {}),
          ...notes,
        };
      }),

    'cookies/import': ({ cookies }) =>
      serially(async () => {
        checkImportSize(cookies.length);
        const { written, failed, protectedKept, warning } = await writeMany(
          store,
          cookies,
          cookies[0]?.storeId ?? defaultStoreId,
          {
            label: {
              during: word('bg_label_importing', cookieCount(cookies.length)),
              done: (n) => word('bg_label_imported', cookieCount(n)),
            },
            what: 'import',
            // A protected cookie is never replaced by an import.
            isProtected: ruleMatcher(await getRules()),
          },
        );
        return {
          written,
          failed,
          ...(protectedKept > 0 ? { protectedKept } : {}),
          ...(warning ? { warning } : {}),
        };
      }),

    'cookies/eviction-risks': async ({ cookies }) => ({
      risks: await evictionRisks(cookies, cookies[0]?.storeId ?? defaultStoreId),
    }),

    'cookies/by-site': async ({ tabId }) => {
      const answer = await bySite(tabId);
      const shown = [...answer.cookies, ...answer.sites.flatMap((s) => s.cookies)];
      return { ...answer, protectedKeys: [...new Set(await protectedKeysOf(shown))] };
    },

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

    // Protected cookies stay as they are unless the user confirmed changing them too.
    'cookies/set-expiry': ({ cookies, expirationDate, includeProtected }) =>
      serially(async () =>
        withKept(await splitUnless(includeProtected, cookies), (free) => setExpiry(store, free, expirationDate)),
      ),

    'cookies/harden': ({ cookies, includeProtected }) =>
      serially(async () => withKept(await splitUnless(includeProtected, cookies), (free) => harden(store, free))),

    'stores/list': async () => ({ stores: await listStores() }),

    'store/cookies': ({ storeId }) => storeCookies(storeId),

    'protect/list': async () => ({ rules: await getRules() }),

    'protect/set': async (change) => {
      const rules = await setRules(change);
      broadcast?.();
      return { rules };
    },

    'backup/create': ({ storeId }) => createBackup(storeId),

    'backup/preview': ({ storeId, text }) => previewRestore(storeId, text),

    'backup/restore': ({ storeId, text }) =>
      serially(async () => {
        const outcome = await restoreBackup(store, storeId, text);
        broadcast?.();
        return outcome;
      }),
  };
}
