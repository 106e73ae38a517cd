import '../sheets.css';
import { importOutcomeText, importSummary } from '../outcome-text';
import { useEffect, useRef, useState } from 'preact/hooks';
import { importCookies, type ImportResult } from '../../core/formats';
import type { EvictionRisk, ImportOutcome } from '../../messages';
import { type Cookie, canonicalDomain, cookieKey } from '../../model/cookie';
import { errorText } from '../../error-text';

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
  return c.name !== ''
    ? c.name
    : `a nameless cookie (value "${c.value.length > 40 ? `${c.value.slice(0, 40)}…` : c.value}")`;
}

/** One line per site (or the whole store) that the import would take past the browser's limit. */
export function evictionText(risk: EvictionRisk): string {
  const where = risk.site
    ? `${risk.site} has ${risk.stored} cookies`
    : `This cookie store has ${risk.stored.toLocaleString('en')} cookies`;
  const over = risk.stored + risk.adding - risk.limit;
  return `${where}; adding ${risk.adding} more goes past the browser's limit of ${risk.limit.toLocaleString('en')}${risk.site ? ' per site' : ''}, so it would evict about ${over.toLocaleString('en')} older ${over === 1 ? 'cookie' : 'cookies'}. Undo brings evicted cookies back.`;
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
          where: c.name,
          reason: `"${c.name}" (${c.domain}${c.path}) appears twice once imported into this tab's cookie store; the first one is kept.`,
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
    evictionRisks(cookies).then(setRisks, (error: unknown) =>
      setFailure(`Could not check the browser's cookie limits: ${errorText(error)}`),
    );
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const content = await file.text();
      setText(content);
      makePreview(content);
    } catch (error) {
      setFailure(`Could not read ${file.name}: ${errorText(error)}`);
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
    <section class="dialog" aria-label="Import cookies" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2>Import cookies</h2>
      <label>
        Paste cookies (JSON, Playwright storageState, Puppeteer JSON, Netscape cookies.txt or a Cookie header)
        <textarea ref={paste} rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} />
      </label>
      <label>
        File
        <input
          type="file"
          accept=".json,.txt,text/plain,application/json"
          onChange={(e) => readFile(e.currentTarget.files?.[0])}
        />
      </label>
      <div class="actions">
        <button type="button" onClick={() => makePreview(text)}>
          Preview
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      {preview && (
        <div class="preview" data-testid="import-preview" data-format={preview.format}>
          <p>
            {importSummary(preview.cookies.length, preview.replaced.size, preview.errors.length)} Format:{' '}
            {preview.format}.
          </p>
          {risks.length > 0 && (
            <ul class="import-risks" aria-label="Cookies the browser would evict">
              {risks.map((risk) => (
                <li key={risk.site} data-testid="import-eviction" role="alert">
                  {evictionText(risk)}
                </li>
              ))}
            </ul>
          )}
          {preview.errors.length > 0 && (
            <ul class="import-errors" aria-label="Rows with errors">
              {preview.errors.map((e) => (
                <li key={`${e.where}-${e.reason}`} data-testid="import-error" data-line={e.line}>
                  {e.where}: {e.reason}
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
                {preview.replaced.has(cookieKey(c)) ? 'Replace' : 'Add'} {previewName(c)} ({c.domain}
                {c.path})
              </li>
            ))}
          </ul>
          {preview.cookies.length > 0 && !outcome && (
            <button type="button" onClick={confirm}>
              Confirm import
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
