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

/**
 * Messages once worded, by id and substitutions: every row asks for the same badge words again, and
 * a search that shows rows again words them again (each `getMessage` goes through the extension
 * bindings). Bounded: emptied when it grows past `WORDED_MAX`.
 */
const worded = new Map<string, string>();
const WORDED_MAX = 5000;

function lookup(id: string, substitutions: string[]): string {
  if (injected) return injected.lookup(id, substitutions);
  // Each substitution prefixed by its length: no two lists of substitutions share a key.
  const key = substitutions.length > 0 ? `${id}\u0000${substitutions.map((s) => `${s.length}:${s}`).join('')}` : id;
  let text = worded.get(key);
  if (text === undefined) {
    text = browser.i18n.getMessage(id, substitutions);
    if (worded.size >= WORDED_MAX) worded.clear();
    worded.set(key, text);
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
