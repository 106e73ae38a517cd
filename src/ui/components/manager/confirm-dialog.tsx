import type { ComponentChildren } from 'preact';
import { Modal } from './modal';

export interface ConfirmDialogProps {
  label: string;
  children: ComponentChildren;
  onConfirm: () => void;
  onClose: () => void;
}

/** A question before something the user may not mean (editing or deleting a protected cookie). */
export function ConfirmDialog({ label, children, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Modal label={label} onClose={onClose}>
      <div class="dialog">
        <h2>{label}</h2>
        {children}
        <div class="actions">
          <button type="button" class="primary" onClick={onConfirm}>
            Confirm
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
