/**
 * Text as data: the pure core returns a message id and its arguments, and whoever shows it (a page,
 * with `browser.i18n`; a test, with the English catalogue) words it. No browser API here.
 *
 * Catalogue: `_locales/<lang>/messages.json`, in the WebExtension format. `$1`..`$9` in a message are
 * its arguments, in order; `$$` is a literal dollar sign.
 */
import type en from '../../_locales/en/messages.json';

type Keys = keyof typeof en & string;

/** Every message id of the English catalogue (the source): a typo is a compile error. */
export type MessageId = Keys;

/** The base of a plural pair: `cookies` for the keys `cookies_one` and `cookies_other`. */
export type PluralId = Keys extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

/** A count worded with the reader's digit grouping (`10,001` in English, `10.001` in German): `localNumber(n)`. */
export interface NumberArg {
  localNumber: number;
}

/**
 * An argument: plain text (never translated), a number (plain digits), a number in the reader's
 * digit grouping, or another message worded first.
 */
export type MsgArg = string | number | NumberArg | Msg;

/** A message to be worded: an id and its arguments. */
export interface Msg {
  id: MessageId | PluralId;
  args?: MsgArg[];
  /** For a plural pair: the count that picks `<id>_one`, `<id>_other`, ... in the reader's language. */
  count?: number;
}

/** `msg('r_missing_secure_title')`, `msg('sc_note_unknown_attribute', name)`. */
export function msg(id: MessageId, ...args: MsgArg[]): Msg {
  return args.length > 0 ? { id, args } : { id };
}

/**
 * A message whose wording depends on a count: `plural('sc_days', n, n)` words `sc_days_one` or
 * `sc_days_other` (or a language's other categories, falling back to `_other`) in the reader's language.
 */
export function plural(id: PluralId, count: number, ...args: MsgArg[]): Msg {
  return args.length > 0 ? { id, count, args } : { id, count };
}

/** A number argument worded in the reader's locale (`1,000` / `1.000`), for counts in sentences. */
export function localNumber(n: number): NumberArg {
  return { localNumber: n };
}

/** A message, or a bare id for a message without arguments. */
export type MsgLike = Msg | MessageId;

/** Looks a message up with its substitutions; '' when there is no such message (as `browser.i18n.getMessage`). */
export type Lookup = (id: string, substitutions: string[]) => string;

export function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && typeof (value as Msg).id === 'string';
}

const pluralRules = new Map<string, Intl.PluralRules>();

const numberFormats = new Map<string, Intl.NumberFormat>();

function groupedNumber(locale: string | undefined, n: number): string {
  const key = locale ?? '';
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(key, format);
  }
  return format.format(n);
}

function pluralCategory(locale: string | undefined, count: number): Intl.LDMLPluralRule {
  const key = locale ?? '';
  let rules = pluralRules.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(key, rules);
  }
  return rules.select(count);
}

/**
 * Words a message: its arguments first (numbers as plain digits, since many are Set-Cookie syntax such
 * as `Max-Age=3600`; nested messages recursively), then the message with them filled in.
 */
export function formatMsg(message: MsgLike, lookup: Lookup, locale?: string): string {
  const m: Msg = typeof message === 'string' ? { id: message } : message;
  const subs = (m.args ?? []).map((a) =>
    typeof a === 'string'
      ? a
      : typeof a === 'number'
        ? String(a)
        : 'localNumber' in a
          ? groupedNumber(locale, a.localNumber)
          : formatMsg(a, lookup, locale),
  );
  if (m.count === undefined) return lookup(m.id, subs);
  const category = pluralCategory(locale, m.count);
  return (category !== 'other' && lookup(`${m.id}_${category}`, subs)) || lookup(`${m.id}_other`, subs);
}

/** The entries of a catalogue file. */
export type Catalogue = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }
>;

/**
 * A lookup over a catalogue, substituting as browsers do: named placeholders (`$name$`) become their
 * content, then `$1`..`$9` the substitutions, and `$$` a dollar sign. For tests and the build; pages
 * use `browser.i18n.getMessage`, which reads the catalogue of the browser's language.
 */
export function catalogueLookup(catalogue: Catalogue): Lookup {
  return (id, subs) => {
    const entry = catalogue[id];
    if (!entry) return '';
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()] ?? entry.placeholders?.[name];
      return placeholder ? placeholder.content : whole;
    });
    return named.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  };
}
