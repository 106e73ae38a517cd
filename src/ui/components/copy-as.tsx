import '../sheets.css';
import { useEffect, useState } from 'preact/hooks';
import type { CookieFormat } from '../../core/formats/types';
import type { Cookie } from '../../model/cookie';
import { errorText } from '../../error-text';
import { EXPORT_FORMAT_PREF, loadPref, savePref } from '../connect/prefs';
import { EXPORT_FORMATS, formatInfo, isExportFormat } from '../export-formats';
import { exportText, isRequestFormat } from './export-text';
import { cookieCount } from '../format';
import { num, t } from '../i18n';

export interface CopyAsProps {
  cookies: readonly Cookie[];
  /** The page's URL, for curl, HTTPie and fetch. */
  pageUrl?: string | undefined;
}

type Status = { text: string; error?: boolean; warning?: string };

/**
 * Loaded on demand (cookie-row.tsx), with the formats code.
 *
 * "Copy as…": a menu of every export format, and a button that repeats the last choice (remembered
 * across pages and openings). Copies to the clipboard and says what was copied, with a warning
 * when the text would log someone in.
 */
export function CopyAs({ cookies, pageUrl }: CopyAsProps) {
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<CookieFormat | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  useEffect(() => {
    void loadPref(EXPORT_FORMAT_PREF).then((saved) => {
      if (isExportFormat(saved)) setLast((current) => current ?? saved);
    });
  }, []);

  const copy = async (format: CookieFormat) => {
    setOpen(false);
    setLast(format);
    void savePref(EXPORT_FORMAT_PREF, format);
    try {
      const { text, carried, warning, error } = exportText(cookies, format, pageUrl);
      if (error) throw new Error(error);
      await navigator.clipboard.writeText(text);
      const what = isRequestFormat(format)
        ? t('sent_to_this_page', num(carried.length), num(cookies.length))
        : cookies.length === 1
          ? (cookies[0]?.name ?? '')
          : cookieCount(cookies.length);
      setStatus({ text: t('copied_as', what, t(formatInfo(format).label)), warning });
    } catch (e) {
      setStatus({ text: t('copy_failed', errorText(e)), error: true });
    }
  };

  return (
    <div class="copy-as">
      <div class="actions">
        {last && (
          <button type="button" onClick={() => copy(last)}>
            {t('copy_as_format', t(formatInfo(last).label))}
          </button>
        )}
        <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t('copy_as_menu')}
        </button>
      </div>
      {open && (
        <div role="menu" aria-label={t('copy_as')} class="copy-menu">
          {EXPORT_FORMATS.map((f) => (
            <button key={f.format} type="button" role="menuitem" data-format={f.format} onClick={() => copy(f.format)}>
              {t(f.label)}
            </button>
          ))}
        </div>
      )}
      {status && (
        <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'status'}>
          {status.text}
        </p>
      )}
      {status?.warning && (
        <p class="warning" data-testid="export-warning">
          {status.warning}
        </p>
      )}
    </div>
  );
}
