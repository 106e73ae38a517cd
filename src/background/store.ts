/** The browser's cookie store behind the editor's CookieStore interface. */
import type { Cookie } from '../model/cookie';
import { expireOnce, getAlong, getAllInStore, getAllNamed, getExact, removeOnce, writeCookie } from './cookie-api';
import type { CookieStore } from './editor';

/** `onWrite` hears of each of Cookie Lens's own writes (edits, imports, undo) just before it happens. */
export function browserStore(hooks: { onWrite?: (cookie: Cookie) => void } = {}): CookieStore {
  return {
    getExact,
    getAllNamed,
    getAlong,
    getAllIn: getAllInStore,
    write: async (cookie) => {
      hooks.onWrite?.(cookie);
      await writeCookie(cookie);
    },
    removeOnce,
    ...(expireOnce ? { expireOnce } : {}),
  };
}
