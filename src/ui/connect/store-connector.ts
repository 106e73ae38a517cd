/**
 * The manager page's connector, in a module of its own: the popup, the side panel and the DevTools
 * panel load `extension.ts` on their first screen and have no use for it.
 */
import type { StoreConnector } from './connector';
import { onEvent, send } from './extension';

/** One cookie store at a time, through the background. */
export function storeConnector(): StoreConnector {
  return {
    stores: async () => (await send('stores/list', {})).stores,
    load: (storeId) => send('store/cookies', { storeId }),
    save: (storeId, original, next, options = {}) =>
      send('cookie/save', { storeId, next, ...(original ? { original } : {}), ...options }),
    check: (storeId, cookie) => send('cookie/check', { storeId, cookie }),
    remove: (cookies, label, options = {}) =>
      send('cookies/delete', { cookies, label, ...(options.includeProtected ? { includeProtected: true } : {}) }),
    setExpiry: (cookies, expirationDate, options = {}) =>
      send('cookies/set-expiry', {
        cookies,
        ...(expirationDate === undefined ? {} : { expirationDate }),
        ...(options.includeProtected ? { includeProtected: true } : {}),
      }),
    harden: (cookies, options = {}) =>
      send('cookies/harden', { cookies, ...(options.includeProtected ? { includeProtected: true } : {}) }),
    importCookies: (cookies) => send('cookies/import', { cookies }),
    evictionRisks: async (cookies) => (await send('cookies/eviction-risks', { cookies })).risks,
    journal: async (storeId) => (await send('journal/list', { storeId })).entries,
    undo: (storeId, options = {}) => send('journal/undo', { storeId, ...options }),
    dropUndo: async (storeId, entryId) => (await send('journal/drop', { storeId, entryId })).dropped,
    protectRules: async () => (await send('protect/list', {})).rules,
    setProtection: async (change) => (await send('protect/set', change)).rules,
    backup: (storeId) => send('backup/create', { storeId }),
    previewRestore: (storeId, text) => send('backup/preview', { storeId, text }),
    restore: (storeId, text) => send('backup/restore', { storeId, text }),
    onChange: (listener) => onEvent('cookies-changed', listener),
  };
}
