import { useMemo, useRef, useState } from 'preact/hooks';
import { errorText } from '../../../error-text';
import type { CookieProblem, RestoreOutcome, RestorePreview } from '../../../messages';
import type { Cookie } from '../../../model/cookie';
import { cookieCount } from '../../outcome-text';
import { evictionText, previewName } from '../import-dialog';
import { LiveRegion } from '../live-region';
import { Modal } from './modal';
import type { MessageId } from '../../../i18n/msg';
import { plural } from '../../../i18n/msg';
import { num, t } from '../../i18n';

export interface RestoreDialogProps {
  storeName: string;
  preview: (text: string) => Promise<RestorePreview>;
  restore: (text: string) => Promise<RestoreOutcome>;
  onClose: () => void;
}

const where = (c: Pick<Cookie, 'domain' | 'path'>) => `${c.domain}${c.path}`;

/** "Restored 3 cookies; 1 unchanged; 1 refused". */
function restoredSummary(outcome: RestoreOutcome): string {
  const parts = [t('m_restored', cookieCount(outcome.written)), t('m_unchanged', num(outcome.unchanged))];
  if (outcome.protectedKept) parts.push(t('m_protected_kept_n', num(outcome.protectedKept)));
  if (outcome.failed.length > 0) parts.push(t('m_refused_n', num(outcome.failed.length)));
  return parts.reduce((list, part) => t('list_semicolon', list, part));
}

function CookieList({ label: id, cookies, testid }: { label: MessageId; cookies: readonly Cookie[]; testid: string }) {
  const label = t(id);
  if (cookies.length === 0) return null;
  return (
    <details class="restore-part" open={cookies.length <= 20}>
      <summary>{t('m_label_count', label, num(cookies.length))}</summary>
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

/** One line per cookie with what is (or may be) wrong with it. */
function ProblemList({
  label,
  problems,
  testid,
}: {
  label: MessageId;
  problems: readonly CookieProblem[];
  testid: string;
}) {
  if (problems.length === 0) return null;
  return (
    <ul aria-label={t(label)}>
      {problems.map((p, i) => (
        <li key={i} data-testid={testid}>
          {t('m_bulk_problem', p.name, where(p), p.reason)}
        </li>
      ))}
    </ul>
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

  // Each file choice is a request: only the newest one's preview is shown, and Confirm writes the
  // text of the preview on screen (a second file chosen before the first answers wins).
  const request = useRef(0);
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const mine = ++request.current;
    setText(undefined);
    setShown(undefined);
    setOutcome(undefined);
    setFailure('');
    setFileName(file.name);
    try {
      const content = await file.text();
      const answer = await preview(content);
      if (mine !== request.current) return;
      setText(content);
      setShown(answer);
    } catch (error) {
      if (mine === request.current) setFailure(t('read_failed', file.name, errorText(error)));
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
  // Heard as "Restored 3 cookies; 0 unchanged. Undo available.", from a region there since the dialog opened.
  const spoken = useMemo(() => {
    if (!outcome) return undefined;
    return {
      text: t('sentence', restoredSummary(outcome)),
      error: false,
      undoable: true,
    };
  }, [outcome]);
  return (
    <Modal label={t('m_restore_backup')} onClose={onClose}>
      <div class="dialog restore">
        <h2>{t('m_restore_into', storeName)}</h2>
        <LiveRegion status={spoken} />
        <label>
          {t('m_backup_file')}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => readFile(e.currentTarget.files?.[0])}
          />
        </label>
        {shown && (
          <div class="preview" data-testid="restore-preview">
            <p data-testid="restore-summary">
              {t(
                plural(
                  'm_restore_summary',
                  shown.errors.length,
                  fileName,
                  num(shown.added.length),
                  num(shown.replaced.length),
                  num(shown.unchanged),
                  num(shown.refused.length),
                  num(shown.protectedKept.length),
                  num(shown.errors.length),
                ),
              )}
              {shown.rules.length > 0
                ? ` ${t(plural('m_also_protects', shown.rules.length, num(shown.rules.length)))}`
                : ''}
            </p>
            {shown.errors.length > 0 && (
              <ul class="import-errors" aria-label={t('m_errors')}>
                {shown.errors.map((e, i) => (
                  <li key={i} data-testid="restore-error" role="alert">
                    {t(e)}
                  </li>
                ))}
              </ul>
            )}
            {shown.risks.length > 0 && (
              <ul aria-label={t('would_evict')}>
                {shown.risks.map((risk) => (
                  <li key={risk.site} data-testid="restore-eviction">
                    {evictionText(risk)}
                  </li>
                ))}
              </ul>
            )}
            <ProblemList label="m_refused" problems={shown.refused} testid="restore-refused" />
            <ProblemList label="m_may_refuse" problems={shown.mayRefuse} testid="restore-may-refuse" />
            <CookieList label="m_new" cookies={shown.added} testid="restore-new" />
            <CookieList label="m_replaced" cookies={shown.replaced.map((r) => r.after)} testid="restore-replaced" />
            <CookieList label="m_protected_kept" cookies={shown.protectedKept} testid="restore-protected" />
          </div>
        )}
        {outcome && (
          <div role="status" aria-live="off" data-testid="restore-outcome">
            <p>{t('m_restored_undo', restoredSummary(outcome))}</p>
            <ProblemList label="m_not_restored" problems={outcome.failed} testid="restore-failed" />
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
            {t('confirm')}
          </button>
          <button type="button" onClick={onClose}>
            {outcome ? t('close') : t('cancel')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
