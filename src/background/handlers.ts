/** Message handlers, typed by the protocol: one function per message name. */
import browser from 'webextension-polyfill';
import type { MessageName, RequestOf, ResponseOf } from '../messages';
import type { Cookie } from '../model/cookie';
import { registrableDomain } from '../core/site';
import { browserName, checkCookie, likelyRefusal } from './check';
import { deleteCookies, EditRefused, revert, saveCookie } from './editor';
import { listEntries, putBack, record, takeNewest } from './journal';
import { logChanged, withLog } from './setcookie-log';
import { cookiesBySite } from './site-groups';
import { browserStore } from './store';
import { tabCookies } from './tab-cookies';

type Handlers = { [N in MessageName]: (request: RequestOf<N>) => Promise<ResponseOf<N>> };

async function tabUrl(tabId: number): Promise<string> {
  return (await browser.tabs.get(tabId)).url ?? '';
}

/** A new partitioned cookie comes with an empty top-level site: it belongs to this tab's site. */
function resolvePartition(cookie: Cookie, pageUrl: string): Cookie {
  if (cookie.partitionKey?.topLevelSite !== '') return cookie;
  const url = new URL(pageUrl);
  return { ...cookie, partitionKey: { topLevelSite: `${url.protocol}//${registrableDomain(url.hostname)}` } };
}

/** The browser's own words, plus what our explainer says the cause most likely is. */
function withReason(error: unknown, cookie: Cookie, pageUrl: string): Error {
  if (error instanceof EditRefused) return error;
  const said = error instanceof Error ? error.message : String(error);
  const name = browserName === 'firefox' ? 'Firefox' : 'Chrome';
  const likely = likelyRefusal(cookie, pageUrl);
  return new Error(`${name} refused the cookie: ${said}${likely && !said.includes(likely) ? ` Likely reason: ${likely}` : ''}`);
}

export const handlers: Handlers = {
  'cookies/for-tab': ({ tabId }) => tabCookies(tabId),

  'cookie/check': async ({ tabId, cookie }) => {
    const pageUrl = await tabUrl(tabId);
    return checkCookie(resolvePartition(cookie, pageUrl), pageUrl);
  },

  'cookie/save': async ({ tabId, original, next: asked }) => {
    const pageUrl = await tabUrl(tabId);
    const next = resolvePartition(asked, pageUrl);
    try {
      const { saved, change } = await saveCookie(browserStore, original, next);
      await record(original ? `Edited ${original.name}` : `Added ${next.name}`, change);
      return { saved };
    } catch (error) {
      throw withReason(error, next, pageUrl);
    }
  },

  'cookies/delete': async ({ cookies, label }) => {
    const change = await deleteCookies(browserStore, cookies);
    await record(label, change);
    return { removed: change.before.length };
  },

  'cookies/import': async ({ cookies }) => {
    const before: Cookie[] = [];
    const after: Cookie[] = [];
    const failed: ResponseOf<'cookies/import'>['failed'] = [];
    for (const cookie of cookies) {
      try {
        const existing = await browserStore.getExact(cookie);
        const { saved } = await saveCookie(browserStore, existing, cookie);
        if (existing) before.push(existing);
        after.push(saved);
      } catch (error) {
        failed.push({ name: cookie.name, domain: cookie.domain, path: cookie.path, reason: withReason(error, cookie, '').message });
      }
    }
    await record(`Imported ${after.length} cookie${after.length === 1 ? '' : 's'}`, { before, after });
    return { written: after.length, failed };
  },

  'cookies/by-site': ({ tabId }) => cookiesBySite(tabId),

  'setcookie/log': ({ tabId }) => withLog((log) => ({ entries: log.entries(tabId), preserve: log.preserve(tabId) })),

  'setcookie/clear': async ({ tabId }) => {
    const cleared = await withLog((log) => log.clear(tabId));
    logChanged(tabId);
    return { cleared };
  },

  'setcookie/preserve': async ({ tabId, preserve }) => {
    await withLog((log) => log.setPreserve(tabId, preserve));
    logChanged(tabId);
    return { preserve };
  },

  'journal/list': async () => ({ entries: await listEntries() }),

  'journal/undo': async () => {
    const entry = await takeNewest();
    if (!entry) return { undone: null };
    try {
      await revert(browserStore, entry);
    } catch (error) {
      await putBack(entry);
      throw error;
    }
    return { undone: entry.label };
  },
};
