/**
 * The text of an export as the pages show and copy it, with what the user should be told about it.
 * Brings the formats code: imported by the export panel and loaded on demand by "Copy as".
 */
import { exportCookies } from '../../core/formats/index';
import { cookiesForRequest } from '../../core/formats/request';
import type { CookieFormat } from '../../core/formats/types';
import { isSessionLike } from '../../core/session-like';
import type { Cookie } from '../../model/cookie';
import { t } from '../i18n';

export interface ExportText {
  text: string;
  /** The cookies the text carries: for curl, HTTPie and fetch, only those sent to the page URL. */
  carried: readonly Cookie[];
  /** One line when the text carries session-like cookies; '' otherwise. */
  warning: string;
  /** Set when the format cannot be written (a request format without a page URL). */
  error?: string;
}

const REQUEST_FORMATS: readonly CookieFormat[] = ['curl', 'httpie', 'fetch'];

export function isRequestFormat(format: CookieFormat): boolean {
  return REQUEST_FORMATS.includes(format);
}

/** The one-line warning for an export that carries these cookies ('' when none looks like a login). */
export function sessionWarning(cookies: readonly Cookie[]): string {
  const names = [...new Set(cookies.filter((c) => isSessionLike(c)).map((c) => c.name))];
  if (names.length === 0) return '';
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')}…` : names.join(', ');
  return t('session_warning', shown);
}

export function exportText(cookies: readonly Cookie[], format: CookieFormat, pageUrl: string | undefined): ExportText {
  const request = isRequestFormat(format);
  if (request && (pageUrl === undefined || !/^https?:/.test(pageUrl))) {
    return { text: '', carried: [], warning: '', error: t('request_needs_url') };
  }
  const carried = request ? cookiesForRequest(cookies, pageUrl as string) : cookies;
  return {
    text: exportCookies(cookies, format, request ? { url: pageUrl as string } : {}),
    carried,
    warning: sessionWarning(carried),
  };
}
