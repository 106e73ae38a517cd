/**
 * Words a message in the browser's language, for the texts the background itself makes: an error's
 * reason, a warning, an Undo label kept in the journal, a store's name. The pages show them as they
 * are, so they speak the pages' language (the browser's UI language, as `t()` on the pages).
 */
import browser from 'webextension-polyfill';
import { formatDate, formatNumber } from '../i18n/format';
import { formatMsg, type MsgArg, type MsgLike, msg, plural } from '../i18n/msg';

export function word(message: MsgLike, ...args: MsgArg[]): string {
  const m = typeof message === 'string' ? msg(message, ...args) : message;
  return formatMsg(m, (id, subs) => browser.i18n.getMessage(id, subs), browser.i18n.getUILanguage());
}

/** A count in the browser's language: `3,000` (en), `3.000` (de). */
export function wordNumber(n: number): string {
  return formatNumber(n, browser.i18n.getUILanguage());
}

/** Megabytes with one decimal, in the browser's language: `1.3` (en), `1,3` (de). */
export function wordMegabytes(bytes: number): string {
  return formatNumber(bytes / 1024 / 1024, browser.i18n.getUILanguage(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/** A date and time in the browser's language and the user's time zone: `Jun 15, 2020, 2:00 PM` (en). */
export function wordDate(ms: number): string {
  return formatDate(ms, browser.i18n.getUILanguage());
}

/** "1 cookie", "3 cookies", in the browser's language. */
export const cookieCount = (n: number): string => word(plural('bg_cookies', n, n));
