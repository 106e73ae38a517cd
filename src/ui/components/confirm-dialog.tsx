import { t } from '../i18n';

export interface ConfirmDialogProps {
  /** What is about to happen, as a question. */
  question: string;
  /** The dialog's accessible name. */
  label: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks once before an action the user marked as one to be careful with (a protected cookie). */
export function ConfirmDialog({ question, label, danger = false, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <section class="dialog" role="alertdialog" data-testid="confirm-dialog" aria-label={label}>
      <p>{question}</p>
      <button type="button" class={danger ? 'primary danger' : 'primary'} onClick={onConfirm} ref={(b) => b?.focus()}>
        {t('confirm')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </section>
  );
}
