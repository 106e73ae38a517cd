import { useState } from 'preact/hooks';
import { errorText } from '../../../error-text';
import type { RestoreOutcome, RestorePreview } from '../../../messages';
import type { Cookie } from '../../../model/cookie';
import { cookieCount } from '../../outcome-text';
import { evictionText, previewName } from '../import-dialog';
import { Modal } from './modal';

export interface RestoreDialogProps {
  storeName: string;
  preview: (text: string) => Promise<RestorePreview>;
  restore: (text: string) => Promise<RestoreOutcome>;
  onClose: () => void;
}

const where = (c: Pick<Cookie, 'domain' | 'path'>) => `${c.domain}${c.path}`;

function CookieList({ label, cookies, testid }: { label: string; cookies: readonly Cookie[]; testid: string }) {
  if (cookies.length === 0) return null;
  return (
    <details class="restore-part" open={cookies.length <= 20}>
      <summary>
        {label}: {cookies.length}
      </summary>
      <ul aria-label={label}>
        {cookies.map((c, i) => (
          <li key={i} data-testid={testid} data-name={c.name}>
            {previewName(c)} ({where(c)})
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Restore a backup: read the file, show what it would do (new, replaced, unchanged, refused, evicted,
 * protected kept, errors) and write only when the user confirms; then say what happened per cookie.
 */
export function RestoreDialog({ storeName, preview, restore, onClose }: RestoreDialogProps) {
  const [text, setText] = useState<string | undefined>();
  const [fileName, setFileName] = useState('');
  const [shown, setShown] = useState<RestorePreview | undefined>();
  const [outcome, setOutcome] = useState<RestoreOutcome | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setShown(undefined);
    setOutcome(undefined);
    setFailure('');
    setFileName(file.name);
    try {
      const content = await file.text();
      setText(content);
      setShown(await preview(content));
    } catch (error) {
      setFailure(`Could not read ${file.name}: ${errorText(error)}`);
    }
  };

  const confirm = async () => {
    if (text === undefined) return;
    setBusy(true);
    try {
      setOutcome(await restore(text));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const blocked = !shown || shown.errors.length > 0 || busy || outcome !== undefined;
  return (
    <Modal label="Restore a backup" onClose={onClose}>
      <div class="dialog restore">
        <h2>Restore a backup into {storeName}</h2>
        <label>
          Backup file
          <input type="file" accept=".json,application/json" onChange={(e) => readFile(e.currentTarget.files?.[0])} />
        </label>
        {shown && (
          <div class="preview" data-testid="restore-preview">
            <p data-testid="restore-summary">
              {fileName}: {shown.added.length} new, {shown.replaced.length} replaced, {shown.unchanged} unchanged,{' '}
              {shown.refused.length} refused, {shown.protectedKept.length} protected kept, {shown.errors.length}{' '}
              {shown.errors.length === 1 ? 'error' : 'errors'}.
              {shown.rules.length > 0 ? ` It also protects ${shown.rules.length} names.` : ''}
            </p>
            {shown.errors.length > 0 && (
              <ul class="import-errors" aria-label="Errors">
                {shown.errors.map((e, i) => (
                  <li key={i} data-testid="restore-error" role="alert">
                    {e}
                  </li>
                ))}
              </ul>
            )}
            {shown.risks.length > 0 && (
              <ul aria-label="Cookies the browser would evict">
                {shown.risks.map((risk) => (
                  <li key={risk.site} data-testid="restore-eviction">
                    {evictionText(risk)}
                  </li>
                ))}
              </ul>
            )}
            {shown.refused.length > 0 && (
              <ul aria-label="Refused">
                {shown.refused.map((r, i) => (
                  <li key={i} data-testid="restore-refused">
                    {r.name} ({r.domain}
                    {r.path}): {r.reason}
                  </li>
                ))}
              </ul>
            )}
            <CookieList label="New" cookies={shown.added} testid="restore-new" />
            <CookieList label="Replaced" cookies={shown.replaced.map((r) => r.after)} testid="restore-replaced" />
            <CookieList label="Protected, kept as they are" cookies={shown.protectedKept} testid="restore-protected" />
          </div>
        )}
        {outcome && (
          <div role="status" data-testid="restore-outcome">
            <p>
              Restored {cookieCount(outcome.written)}; {outcome.unchanged} unchanged
              {outcome.protectedKept ? `; ${outcome.protectedKept} protected kept` : ''}
              {outcome.failed.length > 0 ? `; ${outcome.failed.length} refused` : ''}. Undo brings the store back as it
              was.
            </p>
            {outcome.failed.length > 0 && (
              <ul aria-label="Not restored">
                {outcome.failed.map((f, i) => (
                  <li key={i} data-testid="restore-failed">
                    {f.name} ({f.domain}
                    {f.path}): {f.reason}
                  </li>
                ))}
              </ul>
            )}
            {outcome.warning && <p class="error">{outcome.warning}</p>}
          </div>
        )}
        {failure && (
          <p role="alert" class="error">
            {failure}
          </p>
        )}
        <div class="actions">
          <button type="button" class="primary" onClick={confirm} disabled={blocked}>
            Confirm
          </button>
          <button type="button" onClick={onClose}>
            {outcome ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </Modal>
  );
}
