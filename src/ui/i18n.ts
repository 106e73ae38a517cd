/**
 * Words messages for the pages: `t(finding.title)`, `t('time_unknown')`. The words come from
 * `browser.i18n.getMessage`, so a page ships no catalogue of its own and speaks the browser's language
 * (the extension's `_locales`, English where a language lacks a message). Unit tests, which run
 * without the extension API, inject the English catalogue with `setWording` (test/unit/setup-i18n.ts).
 */
import { formatNumber } from '../i18n/format';
import { formatMsg, type Lookup, type MsgArg, type MsgLike, msg } from '../i18n/msg';
import { browser } from './connect/browser-api';

let injected: { lookup: Lookup; locale: string } | undefined;

/** Replaces the browser's catalogue (for tests only: pages always read the browser's). */
export function setWording(lookup: Lookup, locale: string): void {
  injected = { lookup, locale };
}

/** Messages without substitutions, once worded: every row asks for the same badge words again. */
const plain = new Map<string, string>();

function lookup(id: string, substitutions: string[]): string {
  if (injected) return injected.lookup(id, substitutions);
  if (substitutions.length > 0) return browser.i18n.getMessage(id, substitutions);
  let text = plain.get(id);
  if (text === undefined) {
    text = browser.i18n.getMessage(id, substitutions);
    plain.set(id, text);
  }
  return text;
}

let locale: string | undefined;

/** The reader's language, a BCP 47 tag (`en-US`, `de`): the browser's UI language. */
export function uiLocale(): string {
  if (injected) return injected.locale;
  locale ??= browser.i18n.getUILanguage();
  return locale;
}

/** The lookup `t` uses, for helpers that word through src/i18n (relative times). */
export function uiLookup(): Lookup {
  return lookup;
}

/** A message worded in the reader's language: `t(msg)`, or `t(id, ...args)`. */
export function t(message: MsgLike, ...args: MsgArg[]): string {
  const m = typeof message === 'string' ? msg(message, ...args) : message;
  return formatMsg(m, lookup, uiLocale());
}

/** A count or number in the reader's language: `1,234` (en), `1.234` (de). */
export function num(n: number): string {
  return formatNumber(n, uiLocale());
}
