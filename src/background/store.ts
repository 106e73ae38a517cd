/** The browser's cookie store behind the editor's CookieStore interface. */
import type { CookieStore } from './editor';
import { getAllNamed, getExact, removeOnce, writeCookie } from './cookie-api';

export const browserStore: CookieStore = {
  getExact,
  getAllNamed,
  write: writeCookie,
  removeOnce,
};
