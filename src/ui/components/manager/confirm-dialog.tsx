import type { ComponentChildren } from 'preact';
import { Modal } from './modal';
import { t } from '../../i18n';

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
            {t('confirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
