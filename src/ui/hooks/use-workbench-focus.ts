import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TabCookies } from '../../messages';
import { errorText } from '../../error-text';
import type { CookieTarget, JumpState } from '../cookie-jump';
import { allCookies, type Group, type Row } from '../model';
import type { Outcome } from '../outcome-text';
import { useRowKeyboard } from './use-row-keyboard';

/** A request to show one cookie: open its row and scroll to it. */
export interface CookieFocus {
  target: CookieTarget;
  /** Changes on every request, so asking twice for the same cookie still applies. */
  nonce: number;
}

export interface WorkbenchFocusOptions {
  /** The cookie to jump to (the DevTools panel's jump from a Set-Cookie log entry). */
  focus: CookieFocus | undefined;
  data: TabCookies | undefined;
  /** The rows shown now, after search and filter. */
  groups: readonly Group[];
  /** Shows a message on the status line; undefined clears it. */
  onStatus: (status: Outcome | undefined) => void;
  /** Clears the search and the filter: the cookie to jump to is hidden by them. */
  onShowAll: () => void;
  /** Opens the row with this key. */
  onOpen: (key: string) => void;
  /** Esc: close whatever is open; false when nothing was. */
  onEscape: () => boolean;
  /** Delete on a focused row. */
  onDelete: (row: Row) => void;
  /** Ctrl/Cmd+Z. */
  onUndo: () => void;
}

export interface WorkbenchFocus {
  /** The search field ("/" focuses it). */
  search: RefObject<HTMLInputElement | null>;
  /** The element holding the rows (arrows move between them; a jump scrolls in it). */
  list: RefObject<HTMLDivElement | null>;
  /** Opens the row with this key, scrolls to it and focuses it. */
  show: (key: string) => void;
  /** After a delete, focus goes to the row now at the deleted row's place. */
  focusAfterDelete: (key: string) => void;
  /** After a form or dialog closes: where focus goes back to (see FocusBack). */
  focusBack: (target: FocusBack) => void;
}

/**
 * Where focus goes when a form or dialog closes: the row of `key` when the list shows it, else
 * `to` (the control that opened it) when it is still on the page and enabled, else the first row,
 * else the list itself. `afterLoad`: wait for the next load first (the cookies changed).
 */
export interface FocusBack {
  key?: string | undefined;
  to?: Element | null | undefined;
  afterLoad?: boolean;
}

/** The control that has focus now, to give it back when what it opened closes. */
export function focusedControl(): HTMLElement | undefined {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/**
 * Where the workbench's focus goes: a jump to a cookie (clear filters that hide it, open its row,
 * scroll it into view and focus it) and the list's keyboard ("/", arrows, Delete, Esc).
 */
export function useWorkbenchFocus(options: WorkbenchFocusOptions): WorkbenchFocus {
  const { focus, data, groups } = options;
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // The callbacks are read when a jump happens; a new identity must not repeat the jump.
  const actions = useRef(options);
  actions.current = options;

  const jumped = useRef<JumpState>({});
  const [scrollTo, setScrollTo] = useState<string | undefined>();
  useEffect(() => {
    if (!focus || !data || jumped.current.handled === focus.nonce) return;
    // The jump's code comes with the panel, which imports it: here it is at hand at once.
    let live = true;
    import('../cookie-jump').then(
      (jumps) =>
        live &&
        jumps.applyJump(focus, allCookies(data), groups, jumped.current, { ...actions.current, scrollTo: setScrollTo }),
      (error: unknown) => live && actions.current.onStatus({ text: errorText(error), error: true }),
    );
    return () => {
      live = false;
    };
  }, [focus, data, groups]);

  useEffect(() => {
    if (!scrollTo) return;
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-testid="cookie-row"]') ?? [])].find(
      (el) => el.dataset.key === scrollTo,
    );
    row?.scrollIntoView?.({ block: 'center' });
    // Focus follows the jump, unless the user is typing somewhere.
    if (!document.activeElement?.matches('input, textarea, select'))
      row?.querySelector<HTMLButtonElement>('.row-head')?.focus();
    setScrollTo(undefined);
  }, [scrollTo]);

  // The place of a deleted row: when the list shows fewer rows, focus the one now there.
  const deletedAt = useRef<{ index: number; count: number } | undefined>(undefined);
  const heads = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('.row-head') ?? [])];
  const focusAfterDelete = (key: string) => {
    const all = heads();
    const index = all.findIndex((h) => h.closest('[data-key]')?.getAttribute('data-key') === key);
    deletedAt.current = index < 0 ? undefined : { index, count: all.length };
  };
  useEffect(() => {
    const pending = deletedAt.current;
    if (!pending) return;
    const now = heads();
    if (now.length >= pending.count) return;
    deletedAt.current = undefined;
    // The next row, else the one before; when none is left, the list.
    (now[Math.min(pending.index, now.length - 1)] ?? list.current)?.focus();
  }, [groups]);

  const back = useRef<{ target: FocusBack; data: TabCookies | undefined } | undefined>(undefined);
  const [backRequests, setBackRequests] = useState(0);
  const focusBack = (target: FocusBack) => {
    back.current = { target, data };
    setBackRequests((n) => n + 1);
  };
  useEffect(() => {
    const pending = back.current;
    if (!pending || (pending.target.afterLoad && pending.data === data)) return;
    back.current = undefined;
    const { key, to } = pending.target;
    const all = heads();
    const row = key === undefined ? undefined : all.find((h) => h.closest('[data-key]')?.getAttribute('data-key') === key);
    const opener = to instanceof HTMLElement && to.isConnected && !(to as HTMLButtonElement).disabled ? to : undefined;
    (row ?? opener ?? all[0] ?? list.current)?.focus();
  }, [backRequests, data]);

  useRowKeyboard({
    search,
    list,
    onEscape: options.onEscape,
    onDelete: (key) => {
      const row = groups.flatMap((g) => g.rows).find((r) => r.key === key);
      if (!row) return;
      focusAfterDelete(key);
      options.onDelete(row);
    },
    onOpenFirst: (key) => options.onOpen(key),
    onUndo: options.onUndo,
  });

  const show = (key: string) => {
    options.onOpen(key);
    setScrollTo(key);
  };

  return { search, list, show, focusAfterDelete, focusBack };
}
