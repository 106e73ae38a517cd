/** Sizes as an open row, the value inspector and the manager show them, in the reader's language. Text only. */
import { formatBytes } from '../i18n/format-bytes';
import { uiLocale } from './i18n';

/** "512 B", "4.0 KB", "1.2 MB" (1 KB = 1024 B). */
export function byteSize(n: number): string {
  return formatBytes(n, uiLocale());
}
