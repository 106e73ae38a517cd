/**
 * Words messages in English with the source catalogue, as the pages do with `browser.i18n` in an
 * English browser: tests that check English text assert on `en(finding.title)`.
 */
import en_ from '../../_locales/en/messages.json' with { type: 'json' };
import { type Catalogue, catalogueLookup, formatMsg, type MsgArg, type MsgLike, msg } from '../../src/i18n/msg';

export const enCatalogue: Catalogue = en_;
export const enLookup = catalogueLookup(enCatalogue);

/** A message (or an id with its arguments) in English. */
export function en(message: MsgLike, ...args: MsgArg[]): string {
  return formatMsg(typeof message === 'string' ? msg(message, ...args) : message, enLookup, 'en');
}
