import '../sheets.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CookieFormat } from '../../core/formats/types';
import type { Cookie } from '../../model/cookie';
import { errorText } from '../../error-text';
import { EXPORT_FORMAT_PREF, loadPref, savePref } from '../connect/prefs';
import { EXPORT_FORMATS, formatInfo, isExportFormat } from '../export-formats';
import { exportText, isRequestFormat } from './export-text';
import { cookieCount } from '../format';
import { num, t } from '../i18n';
import { plural } from '../../i18n/msg';
import type { Outcome } from '../outcome-text';
import { LiveRegion } from './live-region';

const GROUPS = [...new Set(EXPORT_FORMATS.map((f) => f.group))];

export interface ExportPanelProps {
  /** The cookies shown (the list as filtered: the selection). */
  cookies: readonly Cookie[];
  site: string;
  /** The page's URL: curl, HTTPie and fetch send the cookies a browser sends to it. */
  pageUrl?: string | undefined;
  onClose: () => void;
}

/** Export the shown cookies, in any format, to the clipboard or a file. The format chosen is remembered. */
export function ExportPanel({ cookies, site, pageUrl, onClose }: ExportPanelProps) {
  const [format, setFormat] = useState<CookieFormat>('json');
  const [status, setStatus] = useState<Outcome | undefined>();
  // The remembered format applies unless the user chose one before it arrived.
  const chosen = useRef(false);
  // The panel opens with focus on its first control, so the keyboard is where the panel is.
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    void loadPref(EXPORT_FORMAT_PREF).then((saved) => {
      if (!chosen.current && isExportFormat(saved)) setFormat(saved);
    });
  }, []);
  const choose = (next: CookieFormat) => {
    chosen.current = true;
    setFormat(next);
    setStatus(undefined);
    void savePref(EXPORT_FORMAT_PREF, next);
  };

  const { text, carried, warning, error } = exportText(cookies, format, pageUrl);
  const what = isRequestFormat(format)
    ? t('sent_to_url', num(carried.length), num(cookies.length), pageUrl ?? '')
    : cookieCount(cookies.length);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      const count = isRequestFormat(format) ? carried.length : cookies.length;
      setStatus({ text: t('copied_as', cookieCount(count), t(formatInfo(format).label)), error: false });
    } catch (e) {
      setStatus({ text: t('copy_failed', errorText(e)), error: true });
    }
  };

  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = `cookies-${site.replace(/[^a-z0-9.-]/gi, '_')}.${formatInfo(format).file}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    setStatus({ text: t('saved', link.download), error: false });
  };

  return (
    <section class="dialog" aria-label={t('export_cookies')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2>{t(plural('export_n', cookies.length, num(cookies.length)))}</h2>
      {/* Copied and saved are spoken by this live region, there from the first render (a region that
          appears with its text is not announced); the line below only shows them. */}
      <LiveRegion status={status} />
      <label>
        {t('format')}
        <select ref={first} value={format} onChange={(e) => choose(e.currentTarget.value as CookieFormat)}>
          {GROUPS.map((group) => (
            <optgroup key={group} label={t(group)}>
              {EXPORT_FORMATS.filter((f) => f.group === group).map((f) => (
                <option key={f.format} value={f.format}>
                  {t(f.label)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p class="export-what" data-testid="export-what">
        {what}
      </p>
      {warning && (
        <p class="warning" data-testid="export-warning">
          {warning}
        </p>
      )}
      {error ? (
        <p class="error">{error}</p>
      ) : (
        <textarea aria-label={t('exported_text')} readOnly rows={6} value={text} spellcheck={false} />
      )}
      <div class="actions">
        <button type="button" onClick={copy} disabled={!!error}>
          {t('copy')}
        </button>
        <button type="button" onClick={download} disabled={!!error}>
          {t('download')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {status && (
        // A failure is an alert, made anew so it is spoken at once.
        <p
          key={status.error ? 'alert' : 'status'}
          role={status.error ? 'alert' : 'status'}
          aria-live={status.error ? undefined : 'off'}
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
