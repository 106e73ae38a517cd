// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { IsolatedHeader, IsolatedText } from '../../../src/ui/components/isolated-text';

afterEach(cleanup);

const RLO = '\u202E';

describe('IsolatedText', () => {
  it('keeps the text exactly and isolates every quoted name or value, longest first', () => {
    const name = `rtl${RLO}eman`;
    const text = `The browser stores "${name}" for localhost; "${name}" again, and "<b>x</b>".`;
    const { container } = render(<IsolatedText text={text} parts={[name, 'rtl', '<b>x</b>', '']} />);
    expect(container.textContent).toBe(text);
    const isolated = [...container.querySelectorAll('span.isolate')].map((s) => s.textContent);
    expect(isolated).toEqual([name, name, '<b>x</b>']);
    expect(container.querySelector('b')).toBeNull();
  });

  it('renders text without any quoted part as it is', () => {
    const { container } = render(<IsolatedText text="Stored." parts={['absent']} />);
    expect(container.innerHTML).toBe('Stored.');
  });
});

describe('IsolatedHeader', () => {
  it('isolates the name-value pair and each attribute, the text unchanged', () => {
    const header = `v=a${RLO}b; Secure; Path=/`;
    const { container } = render(<IsolatedHeader header={header} />);
    expect(container.textContent).toBe(header);
    expect([...container.querySelectorAll('span.isolate')].map((s) => s.textContent)).toEqual([`v=a${RLO}b`, '; Secure', '; Path=/']);
  });
});

describe('IsolatedHeader marks what the browser ignored, in place', () => {
  it('strikes through an attribute a later duplicate overrides, and keeps the header text exact', () => {
    const header = 'sid=1; Path=/old; Secure; Path=/';
    const { container } = render(<IsolatedHeader header={header} ignored={[1]} mark={['secure']} />);
    expect(container.textContent).toBe(header);
    expect([...container.querySelectorAll('s.ignored')].map((e) => e.textContent)).toEqual(['; Path=/old']);
    expect([...container.querySelectorAll('mark.offending')].map((e) => e.textContent)).toEqual(['; Secure']);
  });
});
