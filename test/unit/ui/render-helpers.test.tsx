// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../src/ui/after-paint';
import { pure, sameProps } from '../../../src/ui/pure';

afterEach(cleanup);

describe('pure', () => {
  it('renders again only when a prop changed', () => {
    const renders: string[] = [];
    const Item = pure(function Item({ label, n }: { label: string; n: number }) {
      renders.push(`${label}${n}`);
      return <span>{`${label}${n}`}</span>;
    });
    const { container, rerender } = render(<Item label="a" n={1} />);
    rerender(<Item label="a" n={1} />);
    expect(renders).toEqual(['a1']);
    rerender(<Item label="a" n={2} />);
    expect(renders).toEqual(['a1', 'a2']);
    expect(container.textContent).toBe('a2');
  });

  it('compares props key by key, a missing key included', () => {
    expect(sameProps({ a: 1, b: 'x' }, { b: 'x', a: 1 })).toBe(true);
    expect(sameProps({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameProps({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(sameProps({ f: () => 1 }, { f: () => 1 })).toBe(false);
  });
});

describe('afterNextPaint', () => {
  it('runs after a frame and a task, and not at all once cancelled', async () => {
    const ran = vi.fn();
    const kept = vi.fn();
    const cancel = afterNextPaint(ran);
    afterNextPaint(kept);
    cancel();
    expect(kept).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(kept).toHaveBeenCalledTimes(1));
    expect(ran).not.toHaveBeenCalled();
  });

  it('runs after the fallback when no frame comes', async () => {
    const raf = globalThis.requestAnimationFrame;
    vi.stubGlobal('requestAnimationFrame', () => 0);
    try {
      const ran = vi.fn();
      afterNextPaint(ran, 20);
      expect(ran).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(ran).toHaveBeenCalledTimes(1));
    } finally {
      vi.stubGlobal('requestAnimationFrame', raf);
    }
  });
});
