/**
 * The export formats as the pages offer them: names, file names and groups. Small and free of the
 * formats code itself, which loads on first use.
 */
import type { CookieFormat } from '../core/formats/types';
import type { MessageId } from '../i18n/msg';

export interface FormatInfo {
  format: CookieFormat;
  /** Its name, a message id (`t(info.label)`). */
  label: MessageId;
  /** What a download's name ends with (`cookies-example.com.<file>`). */
  file: string;
  /** The menu group it is in, a message id. */
  group: MessageId;
}

export const EXPORT_FORMATS: readonly FormatInfo[] = [
  { format: 'json', label: 'fmt_json', file: 'json', group: 'fmt_files' },
  { format: 'netscape', label: 'fmt_netscape', file: 'cookies.txt', group: 'fmt_files' },
  { format: 'header', label: 'fmt_header', file: 'txt', group: 'fmt_files' },
  { format: 'set-cookie', label: 'fmt_set_cookie', file: 'set-cookie.txt', group: 'fmt_files' },
  { format: 'playwright', label: 'fmt_playwright', file: 'storage-state.json', group: 'fmt_tools' },
  { format: 'puppeteer', label: 'fmt_puppeteer', file: 'puppeteer.json', group: 'fmt_tools' },
  { format: 'selenium', label: 'fmt_selenium', file: 'selenium.json', group: 'fmt_tools' },
  { format: 'curl', label: 'fmt_curl', file: 'curl.sh', group: 'fmt_requests' },
  { format: 'httpie', label: 'fmt_httpie', file: 'httpie.sh', group: 'fmt_requests' },
  { format: 'fetch', label: 'fmt_fetch', file: 'fetch.mjs', group: 'fmt_requests' },
];

export const formatInfo = (format: CookieFormat): FormatInfo =>
  EXPORT_FORMATS.find((f) => f.format === format) ?? (EXPORT_FORMATS[0] as FormatInfo);

export const isExportFormat = (value: unknown): value is CookieFormat => EXPORT_FORMATS.some((f) => f.format === value);
