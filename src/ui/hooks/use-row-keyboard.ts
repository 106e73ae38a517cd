import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface RowKeyboardActions {
  /** The search field, focused by "/". */
  search: RefObject<HTMLInputElement | null>;
  /** The list whose `.row-head` buttons the arrows move between. */
  list: RefObject<HTMLElement | null>;
  /** Esc: close whatever is open (a form, a dialog, else the open row); false when nothing was open. */
  onEscape: () => boolean;
  /** Delete on a focused row: its `data-key`. */
  onDelete: (key: string) => void;
  /** Enter in the search field: open the first row shown (its `data-key`). */
  onOpenFirst?: (key: string) => void;
  /** Ctrl+Z or Cmd+Z outside a text field. */
  onUndo?: () => void;
}

/**
 * Keyboard for the cookie list: "/" searches, ArrowDown (or Enter) leaves the search for the first
 * row, arrows move between rows, Delete deletes, Ctrl/Cmd+Z undoes, Esc closes (and only that: the
 * popup itself stays open).
 */
export function useRowKeyboard(actions: RowKeyboardActions): void {
  // The latest actions, read when a key arrives: an effect re-subscribed after each render would
  // run after the paint, so a key pressed in between (Esc right after Enter) met the last render's
  // state and did nothing.
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { search, list, onEscape, onDelete, onOpenFirst, onUndo } = latest.current;
      const target = event.target as HTMLElement | null;
      const heads = [...(list.current?.querySelectorAll<HTMLButtonElement>('.row-head') ?? [])];
      if (event.key === 'Escape') {
        if (onEscape() !== false) event.preventDefault();
        return;
      }
      if (target && target === search.current && (event.key === 'ArrowDown' || event.key === 'Enter')) {
        const first = heads[0];
        if (!first) return;
        event.preventDefault();
        first.focus();
        const key = first.closest('[data-key]')?.getAttribute('data-key');
        if (event.key === 'Enter' && key) onOpenFirst?.(key);
        return;
      }
      if (target?.matches('input, textarea, select')) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        onUndo?.();
        return;
      }
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
        return;
      }
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
  }, []);
}
