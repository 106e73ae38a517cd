/**
 * The export formats as the pages offer them: names, file names and groups. Small and free of the
 * formats code itself, which loads on first use.
 */
import type { CookieFormat } from '../core/formats/types';

export interface FormatInfo {
  format: CookieFormat;
  label: string;
  /** What a download's name ends with (`cookies-example.com.<file>`). */
  file: string;
  group: 'Files' | 'Test tools' | 'Requests to this page';
}

export const EXPORT_FORMATS: readonly FormatInfo[] = [
  { format: 'json', label: 'JSON (lossless)', file: 'json', group: 'Files' },
  { format: 'netscape', label: 'Netscape cookies.txt', file: 'cookies.txt', group: 'Files' },
  { format: 'header', label: 'Cookie header', file: 'txt', group: 'Files' },
  { format: 'set-cookie', label: 'Set-Cookie headers', file: 'set-cookie.txt', group: 'Files' },
  { format: 'playwright', label: 'Playwright storageState', file: 'storage-state.json', group: 'Test tools' },
  { format: 'puppeteer', label: 'Puppeteer setCookie', file: 'puppeteer.json', group: 'Test tools' },
  { format: 'selenium', label: 'Selenium add_cookie', file: 'selenium.json', group: 'Test tools' },
  { format: 'curl', label: 'curl command', file: 'curl.sh', group: 'Requests to this page' },
  { format: 'httpie', label: 'HTTPie command', file: 'httpie.sh', group: 'Requests to this page' },
  { format: 'fetch', label: 'Node fetch', file: 'fetch.mjs', group: 'Requests to this page' },
];

export const formatInfo = (format: CookieFormat): FormatInfo =>
  EXPORT_FORMATS.find((f) => f.format === format) ?? (EXPORT_FORMATS[0] as FormatInfo);

export const isExportFormat = (value: unknown): value is CookieFormat => EXPORT_FORMATS.some((f) => f.format === value);
