import { useEffect, useRef } from 'preact/hooks';

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
  // Focus once, when it opens: a re-render leaves focus where the user moved it.
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section class="dialog" role="alertdialog" data-testid="confirm-dialog" aria-label={label}>
      <p>{question}</p>
      <button type="button" class={danger ? 'primary danger' : 'primary'} onClick={onConfirm} ref={first}>
        Confirm
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
