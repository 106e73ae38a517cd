/**
 * Words a message in the browser's language, for the few texts the background itself puts into
 * sentences (an error's reason). Messages it sends to pages stay messages: the page words them.
 */
import browser from 'webextension-polyfill';
import { formatMsg, type MsgLike } from '../i18n/msg';

export function word(message: MsgLike): string {
  return formatMsg(message, (id, subs) => browser.i18n.getMessage(id, subs), browser.i18n.getUILanguage());
}
