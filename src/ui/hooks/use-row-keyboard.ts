import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

export interface RowKeyboardActions {
  /** The search field, focused by "/". */
  search: RefObject<HTMLInputElement | null>;
  /** The list whose `.row-head` buttons the arrows move between. */
  list: RefObject<HTMLElement | null>;
  /** Esc: close whatever is open (a form, a dialog, else the open row). */
  onEscape: () => void;
  /** Delete on a focused row: its `data-key`. */
  onDelete: (key: string) => void;
}

/** Keyboard for the cookie list: "/" searches, arrows move between rows, Delete deletes, Esc closes. */
export function useRowKeyboard({ search, list, onEscape, onDelete }: RowKeyboardActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key === 'Escape') return onEscape();
      if (target?.matches('input, textarea, select')) return;
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
        return;
      }
      const heads = [...(list.current?.querySelectorAll<HTMLButtonElement>('.row-head') ?? [])];
      const at = heads.indexOf(target as HTMLButtonElement);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = event.key === 'ArrowDown' ? Math.min(at + 1, heads.length - 1) : Math.max(at - 1, 0);
        heads[next]?.focus();
      } else if (event.key === 'Delete' && at >= 0) {
        const key = heads[at]?.closest('[data-key]')?.getAttribute('data-key');
        if (key) onDelete(key);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
}
