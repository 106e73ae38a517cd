/**
 * The pseudo-locale: every message accented and about 40% longer, in brackets, so a screenshot shows
 * text that is not translated (no accents), clipped (no closing bracket) or laid out for English
 * lengths only. Placeholders (`$1`, `$name$`) and `$$` stay exactly as they were.
 * `PSEUDO_LOCALE=1 npm run build` writes these as the English catalogue of dist/<browser>-pseudo.
 */
import type { Catalogue } from './msg';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Placeholders and escapes, which must survive untouched. */
const KEEP = /(\$\$|\$[1-9]|\$[A-Za-z0-9_@]+\$)/;

/** How much longer a pseudo string is than its source (German runs about 30% longer than English). */
export const PSEUDO_GROWTH = 0.4;

/** One message in the pseudo-locale: `[Çóóķíé Ĺéñš ·····]`. */
export function pseudoMessage(message: string): string {
  const parts = message.split(KEEP);
  const accented = parts.map((part, i) => (i % 2 === 1 ? part : [...part].map((c) => ACCENTED[c] ?? c).join('')));
  // Brackets and a space count towards the growth; placeholders count as the text they stand for.
  const padding = '·'.repeat(Math.max(1, Math.ceil(message.length * PSEUDO_GROWTH) - 3));
  return `[${accented.join('')} ${padding}]`;
}

/** A whole catalogue in the pseudo-locale; descriptions and placeholders are kept. */
export function pseudoCatalogue(catalogue: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(catalogue).map(([id, entry]) => [id, { ...entry, message: pseudoMessage(entry.message) }]),
  );
}
