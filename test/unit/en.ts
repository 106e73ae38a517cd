/**
 * Words messages in English with the source catalogue, as the pages do with `browser.i18n` in an
 * English browser: tests that check English text assert on `en(finding.title)`.
 */
import en_ from '../../_locales/en/messages.json' with { type: 'json' };
import {
  type Catalogue,
  catalogueLookup,
  formatMsg,
  type Msg,
  type MsgArg,
  type MsgLike,
  msg,
} from '../../src/i18n/msg';

export const enCatalogue: Catalogue = en_;
export const enLookup = catalogueLookup(enCatalogue);

/** A message (or an id with its arguments) in English. */
export function en(message: MsgLike, ...args: MsgArg[]): string {
  return formatMsg(typeof message === 'string' ? msg(message, ...args) : message, enLookup, 'en');
}

/** A value with every message in it worded in English (types follow). */
export type Worded<T> = T extends Msg
  ? string
  : T extends readonly (infer U)[]
    ? Worded<U>[]
    : T extends object
      ? { [K in keyof T]: Worded<T[K]> }
      : T;

/** Exactly a message: `{ id, args?, count? }` with an id of the catalogue (a HeaderNote's id is not one). */
function isCatalogueMsg(value: unknown): value is Msg {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (!keys.every((k) => k === 'id' || k === 'args' || k === 'count')) return false;
  const id = (value as Msg).id;
  return typeof id === 'string' && (id in enCatalogue || `${id}_other` in enCatalogue);
}

/** Words every message inside `value` in English: explanations, log entries, findings. Parts without one stay as they are (same object). */
export function enDeep<T>(value: T): Worded<T> {
  if (isCatalogueMsg(value)) return en(value) as Worded<T>;
  if (Array.isArray(value)) {
    const mapped = value.map((v) => enDeep(v));
    return (mapped.some((v, i) => v !== value[i]) ? mapped : value) as Worded<T>;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const mapped = entries.map(([k, v]) => [k, enDeep(v)] as const);
    return (mapped.some(([, v], i) => v !== entries[i]?.[1]) ? Object.fromEntries(mapped) : value) as Worded<T>;
  }
  return value as Worded<T>;
}
