import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface ModalProps {
  label: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Extra class, e.g. `sheet` for the edit form. */
  class?: string;
}

/**
 * A dialog over the manager: focus moves into it when it opens and back to what had it (the button
 * that opened it) when it closes; Esc closes it.
 */
export function Modal({ label, onClose, children, class: extra }: ModalProps) {
  const self = useRef<HTMLDivElement>(null);
  // Taken while rendering for the first time: by the time effects run, a form inside may have taken focus.
  const opener = useRef(document.activeElement as HTMLElement | null);
  useEffect(() => {
    const first = self.current?.querySelector<HTMLElement>(
      '[autofocus], input:not([type="hidden"]), textarea, select, button:not([disabled])',
    );
    // A form that focuses its own field keeps it.
    if (!self.current?.contains(document.activeElement)) first?.focus();
    return () => {
      const back = opener.current;
      if (back?.isConnected) back.focus();
    };
  }, []);
  return (
    <div class="modal-backdrop">
      <div
        ref={self}
        class={`modal${extra ? ` ${extra}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }}
      >
        {children}
      </div>
    </div>
  );
}
