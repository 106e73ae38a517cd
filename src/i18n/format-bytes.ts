/**
 * Sizes in the reader's language, with `Intl` (see format.ts). Apart from format.ts: the pages' first
 * screen shows no size, only an open row, the value inspector and the manager do.
 */
import { formatNumber } from './format';

/** `512 B`, `4.0 KB` (en) / `4,0 KB` (de), `1.2 MB` (1 KB = 1024 B, one decimal). */
export function formatBytes(n: number, locale: string): string {
  if (n < 1024) return `${formatNumber(n, locale, { useGrouping: false })} B`;
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return n < 1024 * 1024
    ? `${formatNumber(n / 1024, locale, oneDecimal)} KB`
    : `${formatNumber(n / 1024 / 1024, locale, oneDecimal)} MB`;
}
