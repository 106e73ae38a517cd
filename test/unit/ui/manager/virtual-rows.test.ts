import { describe, expect, it } from 'vitest';
import { anchorAt, indexAt, itemTops, scrollTopFor, visibleWindow } from '../../../../src/ui/hooks/use-virtual-rows';

const fixed = (n: number, h = 20) => itemTops(n, () => h);

describe('virtual rows: the window math', () => {
  it('places items by a prefix sum, with measured exceptions', () => {
    expect(itemTops(3, (i) => (i === 1 ? 50 : 10))).toEqual([0, 10, 60, 70]);
    expect(itemTops(0, () => 10)).toEqual([0]);
  });

  it('finds the item at an offset', () => {
    const tops = fixed(100);
    expect(indexAt(tops, 0)).toBe(0);
    expect(indexAt(tops, 19)).toBe(0);
    expect(indexAt(tops, 20)).toBe(1);
    expect(indexAt(tops, 1999)).toBe(99);
    expect(indexAt(tops, 99_999)).toBe(99);
    expect(indexAt([0], 0)).toBe(-1);
  });

  it('renders only the items in view plus the overscan, at any scroll position', () => {
    const tops = fixed(3300);
    expect(visibleWindow(tops, 0, 200, 5)).toEqual({ start: 0, end: 15 });
    // 10,000 px down: items 500..509 are in view.
    expect(visibleWindow(tops, 10_000, 200, 5)).toEqual({ start: 495, end: 515 });
    expect(visibleWindow(tops, 65_990, 200, 5)).toEqual({ start: 3294, end: 3300 });
    expect(visibleWindow([0], 0, 200, 5)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the first visible item in place after a delete above the view', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
    const tops = fixed(100);
    // Scrolled 5 px into item 30.
    const anchor = anchorAt(keys, tops, 605, 200);
    expect(anchor?.keys[0]).toBe('k30');
    expect(anchor?.offset).toBe(5);
    // Ten items above the view go.
    const after = keys.filter((_, i) => i < 10 || i >= 20);
    const next = scrollTopFor(anchor!, after, fixed(after.length));
    expect(next).toBe(405);
    expect(after[indexAt(fixed(after.length), next!)]).toBe('k30');
  });

  it('keeps the next item in place when the top one itself is deleted, and holds still on an insert below', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `k${i}`);
    const tops = fixed(50);
    const anchor = anchorAt(keys, tops, 200, 100)!;
    const without = keys.filter((k) => k !== 'k10');
    // k11 was 20 px below the top of the view; it stays there.
    expect(scrollTopFor(anchor, without, fixed(without.length))).toBe(180);
    const more = [...keys.slice(0, 40), 'new', ...keys.slice(40)];
    expect(scrollTopFor(anchor, more, fixed(more.length))).toBe(200);
    expect(scrollTopFor(anchor, ['other'], fixed(1))).toBeUndefined();
  });

  it('accounts for a measured (open) row above the anchor', () => {
    const keys = ['a', 'b', 'c', 'd'];
    const anchor = anchorAt(keys, fixed(4, 10), 25, 10)!;
    expect(anchor.keys[0]).toBe('c');
    // Row b opened to 100 px: c moves down by 90.
    expect(
      scrollTopFor(
        anchor,
        keys,
        itemTops(4, (i) => (i === 1 ? 100 : 10)),
      ),
    ).toBe(115);
  });
});
