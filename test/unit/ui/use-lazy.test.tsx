// @vitest-environment happy-dom
/** Code split out of the first load: a part that cannot load says so, and is tried again next time. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyComponent } from '../../../src/ui/hooks/use-lazy';

afterEach(cleanup);

describe('lazyComponent', () => {
  it('shows the part once loaded', async () => {
    const Part = lazyComponent(async () => ({ text }: { text: string }) => <p>{text}</p>);
    render(<Part text="loaded" />);
    expect(await screen.findByText('loaded')).toBeTruthy();
  });

  it('says why when the part cannot load, and loads it on the next try', async () => {
    let calls = 0;
    const Part = lazyComponent(async () => {
      calls++;
      if (calls === 1) throw new Error('Failed to fetch dynamically imported module');
      return ({ text }: { text: string }) => <p>{text}</p>;
    });
    const first = render(<Part text="second try" />);
    expect((await screen.findByRole('alert')).textContent).toContain('Failed to fetch dynamically imported module');
    first.unmount();
    render(<Part text="second try" />);
    expect(await screen.findByText('second try')).toBeTruthy();
    expect(calls).toBe(2);
  });
});
