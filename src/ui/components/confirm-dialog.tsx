import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { Modal } from './manager/modal';

export interface ConfirmDialogProps {
  /** What is about to happen, as a question. */
  question: string;
  /** The dialog's accessible name. */
  label: string;
  danger?: boolean;
  /** Over the manager page (a modal with the label as its heading), rather than in the popup's or panel's flow. */
  modal?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks once before an action the user may not mean (editing or deleting a protected cookie): the
 * popup's and side panel's, and the manager's, in a modal there.
 */
export function ConfirmDialog({
  question,
  label,
  danger = false,
  modal = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  // Focus once, when it opens: a re-render leaves focus where the user moved it.
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const body = (
    <section
      class="dialog"
      data-testid="confirm-dialog"
      {...(modal ? {} : { role: 'alertdialog', 'aria-label': label })}
    >
      {modal && <h2>{label}</h2>}
      <p>{question}</p>
      <button type="button" class={danger ? 'primary danger' : 'primary'} onClick={onConfirm} ref={first}>
        {t('confirm')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </section>
  );
  return modal ? (
    <Modal label={label} onClose={onCancel}>
      {body}
    </Modal>
  ) : (
    body
  );
}
