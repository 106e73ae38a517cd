/** The browser's cookie store behind the editor's CookieStore interface. */
import type { CookieStore } from './editor';
import { getAllNamed, getExact, removeOnce, writeCookie } from './cookie-api';
import { expectOwnWrite } from './setcookie-log';

export const browserStore: CookieStore = {
  getExact,
  getAllNamed,
  // Cookie Lens's own writes (edits, imports, undo) are not logged as "set by script".
  write: async (cookie) => {
    expectOwnWrite(cookie);
    await writeCookie(cookie);
  },
  removeOnce,
};
