import '../sheets.css';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { deleteAllQuestion } from '../outcome-text';

export interface DeleteAllDialogProps {
  /** How many cookies would be deleted. */
  count: number;
  host: string;
  /** How many of them are protected (Delete all keeps those). */
  protectedCount?: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before "Delete all" deletes anything; the destructive action is the primary (and focused) button. */
export function DeleteAllDialog({ count, host, protectedCount = 0, onConfirm, onCancel }: DeleteAllDialogProps) {
  // Focus once, when it opens: a re-render (the cookies changed behind it) leaves focus where the user moved it.
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section class="dialog" data-testid="delete-all-dialog" aria-label={t('confirm_delete_all')}>
      <p>{deleteAllQuestion(count, host, protectedCount)}</p>
      <button type="button" class="primary danger" onClick={onConfirm} ref={first}>
        {t('confirm_delete_all')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </section>
  );
}
