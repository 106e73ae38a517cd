/**
 * Windowing for long flat lists (the manager's 3,300 cookies): only the items in view, plus a few
 * either side, are rendered. Every item has a fixed height except the few the caller measures (an
 * open row), so the math stays a prefix sum and a binary search.
 *
 * The scroll position is anchored on the first visible item's identity: when the list changes (an
 * edit, a delete, a live update, an undo), the item that was at the top stays at the same place on
 * screen, whatever was added or removed above it.
 */
import type { RefObject } from 'preact';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Where each item starts (`tops[i]`) and the list's total height (`tops[count]`). */
export function itemTops(count: number, heightOf: (index: number) => number): number[] {
  const tops = new Array<number>(count + 1);
  tops[0] = 0;
  for (let i = 0; i < count; i++) tops[i + 1] = (tops[i] ?? 0) + heightOf(i);
  return tops;
}

/** The index of the item covering `offset` (the last one when past the end; -1 for an empty list). */
export function indexAt(tops: readonly number[], offset: number): number {
  const count = tops.length - 1;
  if (count <= 0) return -1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface VirtualWindow {
  /** First item rendered (inclusive). */
  start: number;
  /** Last item rendered (exclusive). */
  end: number;
}

/** The items to render for a viewport at `scrollTop` of `height` pixels, with `overscan` more either side. */
export function visibleWindow(
  tops: readonly number[],
  scrollTop: number,
  height: number,
  overscan: number,
): VirtualWindow {
  const count = tops.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const first = indexAt(tops, Math.max(0, scrollTop));
  const last = indexAt(tops, Math.max(0, scrollTop + Math.max(height, 1) - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/** The item at the top of the view, by identity, and how far the view is scrolled into it. */
export interface ScrollAnchor {
  /** The keys of the items in view, top first: when the top one goes, the next one that stays anchors. */
  keys: string[];
  /** Pixels from the top of `keys[0]` to the top of the view. */
  offset: number;
  /** The top of each of `keys`, to keep the following item where it was. */
  tops: number[];
}

/** The anchor for a view at `scrollTop`: the items in view, top first. */
export function anchorAt(
  keys: readonly string[],
  tops: readonly number[],
  scrollTop: number,
  height: number,
): ScrollAnchor | undefined {
  const first = indexAt(tops, scrollTop);
  if (first < 0) return undefined;
  const last = indexAt(tops, scrollTop + Math.max(height, 1) - 1);
  const inView = keys.slice(first, last + 1);
  return { keys: inView, offset: scrollTop - (tops[first] ?? 0), tops: inView.map((_, i) => tops[first + i] ?? 0) };
}

/**
 * Where to scroll so the anchor stays put in the new list: its first item that is still there, at the
 * same distance from the top of the view as before. Undefined when none of them is left.
 */
export function scrollTopFor(
  anchor: ScrollAnchor,
  keys: readonly string[],
  tops: readonly number[],
): number | undefined {
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) index.set(keys[i] as string, i);
  const oldTop = anchor.tops[0] ?? 0;
  for (let i = 0; i < anchor.keys.length; i++) {
    const at = index.get(anchor.keys[i] as string);
    if (at === undefined) continue;
    // This item was (anchor.tops[i] - oldTop) below the first one: keep it where it was on screen.
    const wasOnScreen = (anchor.tops[i] ?? 0) - oldTop - anchor.offset;
    return Math.max(0, (tops[at] ?? 0) - wasOnScreen);
  }
  return undefined;
}

export interface VirtualRowsOptions {
  /** The identity of each item, in order. */
  keys: readonly string[];
  /** The height of an item that is not measured. */
  itemHeight: (index: number) => number;
  /** Items rendered either side of the view. */
  overscan?: number;
  /** The viewport height before the element has been measured (and in test DOMs, which have no layout). */
  fallbackHeight?: number;
}

export interface VirtualRows {
  /** Attach to the scrolling element. */
  scroller: RefObject<HTMLDivElement>;
  window: VirtualWindow;
  /** Pixels from the top of the list to the first rendered item. */
  offset: number;
  /** The whole list's height. */
  total: number;
  /** Reports an item's real height (an open row); 0 or its fixed height forgets the measure. */
  measure: (key: string, height: number) => void;
  /** Scrolls so that the item with this key is in view. */
  scrollToKey: (key: string) => void;
}

/**
 * The window of a flat list in a scrolling element: re-computed on scroll and resize, anchored on the
 * first visible item across changes of `keys`.
 */
export function useVirtualRows({
  keys,
  itemHeight,
  overscan = 8,
  fallbackHeight = 600,
}: VirtualRowsOptions): VirtualRows {
  const scroller = useRef<HTMLDivElement>(null) as RefObject<HTMLDivElement>;
  const [scrollTop, setScrollTopState] = useState(0);
  // The scroll position as last seen (a scroll event or our own move): the element's own may already
  // be clamped to a list that shrank when the anchor is computed.
  const knownTop = useRef(0);
  const setScrollTop = (top: number) => {
    knownTop.current = top;
    setScrollTopState(top);
  };
  const [viewport, setViewport] = useState(0);
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(new Map());

  const tops = useMemo(
    () => itemTops(keys.length, (i) => measured.get(keys[i] as string) ?? itemHeight(i)),
    [keys, measured, itemHeight],
  );
  const height = viewport > 0 ? viewport : fallbackHeight;

  // The anchor of the view as last rendered, taken before the list changes.
  const last = useRef<{ keys: readonly string[]; tops: readonly number[] } | undefined>(undefined);
  useLayoutEffect(() => {
    const el = scroller.current;
    const previous = last.current;
    last.current = { keys, tops };
    if (!el || !previous || previous.keys === keys) return;
    const top = knownTop.current;
    if (top <= 0) return;
    const anchor = anchorAt(previous.keys, previous.tops, top, height);
    const next = anchor && scrollTopFor(anchor, keys, tops);
    if (next !== undefined && (next !== top || el.scrollTop !== top)) {
      el.scrollTop = next;
      setScrollTop(next);
    }
  }, [keys, tops]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => setScrollTop(el.scrollTop);
    const onResize = () => setViewport(el.clientHeight);
    onResize();
    el.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : undefined;
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, []);

  const measure = useCallback((key: string, h: number) => {
    setMeasured((m) => {
      const known = m.get(key);
      if (h <= 0) {
        if (known === undefined) return m;
        const next = new Map(m);
        next.delete(key);
        return next;
      }
      if (known === h) return m;
      return new Map(m).set(key, h);
    });
  }, []);

  const scrollToKey = (key: string) => {
    const el = scroller.current;
    const at = keys.indexOf(key);
    if (!el || at < 0) return;
    const top = tops[at] ?? 0;
    const bottom = tops[at + 1] ?? top;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + height) el.scrollTop = bottom - height;
    setScrollTop(el.scrollTop);
  };

  const win = visibleWindow(tops, scrollTop, height, overscan);
  return { scroller, window: win, offset: tops[win.start] ?? 0, total: tops[keys.length] ?? 0, measure, scrollToKey };
}
