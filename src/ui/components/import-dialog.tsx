import '../sheets.css';
import { importOutcomeText, importSummary } from '../outcome-text';
import { useEffect, useRef, useState } from 'preact/hooks';
import { importCookies, type ImportResult } from '../../core/formats';
import type { EvictionRisk, ImportOutcome } from '../../messages';
import { type Cookie, cookieKey } from '../../model/cookie';
import { canonicalDomain } from '../../model/cookie-compare';
import { errorText } from '../../error-text';
import { msg, plural } from '../../i18n/msg';
import { num, t } from '../i18n';

export interface ImportDialogProps {
  host: string;
  storeId: string;
  existing: readonly Cookie[];
  onImport: (cookies: Cookie[]) => Promise<ImportOutcome>;
  /** What writing these cookies would make the browser evict (asked before anything is written). */
  evictionRisks: (cookies: Cookie[]) => Promise<EvictionRisk[]>;
  onClose: () => void;
}

type Preview = ImportResult & { replaced: Set<string> };

/** How the preview names a cookie: its name, or what a nameless cookie is. */
export function previewName(c: Pick<Cookie, 'name' | 'value'>): string {
  return c.name !== '' ? c.name : t('nameless_preview', c.value.length > 40 ? `${c.value.slice(0, 40)}…` : c.value);
}

/** One line per site (or the whole store) that the import would take past the browser's limit. */
export function evictionText(risk: EvictionRisk): string {
  const over = risk.stored + risk.adding - risk.limit;
  const counts = [num(risk.stored), num(risk.adding), num(risk.limit), num(over)];
  return risk.site ? t(plural('evict_site', over, ...counts, risk.site)) : t(plural('evict_store', over, ...counts));
}

/**
 * Import from a file or pasted text. Nothing is written until the user confirms the preview, which
 * says what each cookie will do (add or replace) and gives one error per bad row.
 */
export function ImportDialog({ host, storeId, existing, onImport, evictionRisks, onClose }: ImportDialogProps) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | undefined>();
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>();
  const [failure, setFailure] = useState('');
  const [risks, setRisks] = useState<EvictionRisk[]>([]);
  // The dialog opens with focus in its first field, so the keyboard is where the dialog is.
  const paste = useRef<HTMLTextAreaElement>(null);
  useEffect(() => paste.current?.focus(), []);

  const makePreview = (input: string) => {
    const result = importCookies(input, { defaultDomain: host, defaultStoreId: storeId });
    // Imported cookies go to the store of the tab being looked at (a container, a private window);
    // two rows that differed only in their store are then the same cookie: the first one wins.
    const cookies: Cookie[] = [];
    const errors = [...result.errors];
    const seen = new Set<string>();
    for (const c of result.cookies) {
      const cookie = canonicalDomain({ ...c, storeId });
      const key = cookieKey(cookie);
      if (seen.has(key)) {
        errors.push({
          line: 0,
          where: msg('text', c.name),
          reason: msg('import_duplicate', c.name, `${c.domain}${c.path}`),
        });
        continue;
      }
      seen.add(key);
      cookies.push(cookie);
    }
    const known = new Set(existing.map((c) => cookieKey(canonicalDomain(c))));
    setPreview({ ...result, cookies, errors, replaced: new Set(cookies.map(cookieKey).filter((k) => known.has(k))) });
    setOutcome(undefined);
    setRisks([]);
    evictionRisks(cookies).then(setRisks, (error: unknown) => setFailure(t('limits_failed', errorText(error))));
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const content = await file.text();
      setText(content);
      makePreview(content);
    } catch (error) {
      setFailure(t('read_failed', file.name, errorText(error)));
    }
  };

  const confirm = async () => {
    if (!preview) return;
    try {
      setOutcome(await onImport(preview.cookies));
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section class="dialog" aria-label={t('import_cookies')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2>{t('import_cookies')}</h2>
      <label>
        {t('paste_cookies')}
        <textarea
          ref={paste}
          rows={5}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          spellcheck={false}
        />
      </label>
      <label>
        {t('file')}
        <input
          type="file"
          accept=".json,.txt,text/plain,application/json"
          onChange={(e) => readFile(e.currentTarget.files?.[0])}
        />
      </label>
      <div class="actions">
        <button type="button" onClick={() => makePreview(text)}>
          {t('preview')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
      {preview && (
        <div class="preview" data-testid="import-preview" data-format={preview.format}>
          <p>
            {importSummary(preview.cookies.length, preview.replaced.size, preview.errors.length)}{' '}
            {t('format_is', preview.format)}
          </p>
          {risks.length > 0 && (
            <ul class="import-risks" aria-label={t('would_evict')}>
              {risks.map((risk) => (
                <li key={risk.site} data-testid="import-eviction" role="alert">
                  {evictionText(risk)}
                </li>
              ))}
            </ul>
          )}
          {preview.errors.length > 0 && (
            <ul class="import-errors" aria-label={t('rows_with_errors')}>
              {preview.errors.map((e, i) => (
                <li key={i} data-testid="import-error" data-line={e.line}>
                  {t(e.where)}: {t(e.reason)}
                </li>
              ))}
            </ul>
          )}
          <ul class="import-rows">
            {preview.cookies.map((c) => (
              <li
                key={cookieKey(c)}
                data-testid="import-row"
                data-action={preview.replaced.has(cookieKey(c)) ? 'replace' : 'add'}
              >
                {t(
                  preview.replaced.has(cookieKey(c)) ? 'import_replace' : 'import_add',
                  previewName(c),
                  `${c.domain}${c.path}`,
                )}
              </li>
            ))}
          </ul>
          {preview.cookies.length > 0 && !outcome && (
            <button type="button" onClick={confirm}>
              {t('confirm_import')}
            </button>
          )}
        </div>
      )}
      {outcome && (
        <p role="status" data-testid="import-outcome">
          {importOutcomeText(outcome)}
        </p>
      )}
      {failure && <p role="alert">{failure}</p>}
    </section>
  );
}
