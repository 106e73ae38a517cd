// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValueInspector } from '../../../src/ui/components/value-inspector';
import { absoluteLocalTime } from '../../../src/ui/value-decode';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const jwt = (payload: object) => `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.c2ln`;
const tabNames = () => screen.getAllByRole('button').map((b) => b.textContent);
const shownText = (container: Element) => container.querySelector('pre')?.textContent;

describe('ValueInspector', () => {
  it('shows only Raw for a plain value, pressed', () => {
    const { container } = render(<ValueInspector value="abc123" now={NOW} />);
    expect(tabNames()).toEqual(['Raw', 'Copy']);
    expect(screen.getByRole('button', { name: 'Raw' }).getAttribute('aria-pressed')).toBe('true');
    expect(shownText(container)).toBe('abc123');
  });

  it('switches between the views that exist by their named buttons', () => {
    const value = encodeURIComponent(Buffer.from('{"theme":"dark"}').toString('base64'));
    const { container } = render(<ValueInspector value={value} now={NOW} />);
    expect(tabNames()).toEqual(['Raw', 'URL-decoded', 'Base64', 'JSON', 'Copy']);

    fireEvent.click(screen.getByRole('button', { name: 'URL-decoded' }));
    expect(shownText(container)).toBe(Buffer.from('{"theme":"dark"}').toString('base64'));
    expect(screen.getByRole('button', { name: 'URL-decoded' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Raw' }).getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Base64' }));
    expect(shownText(container)).toBe('{"theme":"dark"}');

    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    expect(shownText(container)).toBe('{\n  "theme": "dark"\n}');

    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(shownText(container)).toBe(value);
  });

  it('shows a live JWT with header, payload and its expiry', () => {
    const exp = NOW / 1000 + 3 * 86_400;
    const { container } = render(<ValueInspector value={jwt({ sub: 'u1', exp })} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'JWT' }));
    expect(shownText(container)).toContain('"alg": "HS256"');
    expect(shownText(container)).toContain('"sub": "u1"');
    expect(container.textContent).toContain(`Expires: ${absoluteLocalTime(exp * 1000)} (in 3 days)`);
    expect(container.textContent).not.toMatch(/Expired|Unsigned/);
  });

  it('marks an expired JWT, and an unsigned one', () => {
    const [h, p] = jwt({ exp: NOW / 1000 - 7200 }).split('.');
    const { container } = render(<ValueInspector value={`${h}.${p}.`} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'JWT' }));
    expect(container.textContent).toContain('(2 hours ago)');
    expect(container.querySelector('.vi-warn')?.textContent).toContain('Expired');
    expect(container.textContent).toContain('Unsigned');
  });

  it('says a Flask session is compressed', () => {
    render(<ValueInspector value=".eJyrVkrLz1eyUkpKLFKqBQAg4wR4.ZmT3Ag.f3kN9oAbcDeFgHiJk" now={NOW} />);
    expect(screen.getByText(/Flask session cookie, zlib-compressed/)).toBeTruthy();
  });

  it('falls back to Raw when the chosen view does not exist for a new value', () => {
    const { container, rerender } = render(<ValueInspector value={jwt({ a: 1 })} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'JWT' }));
    rerender(<ValueInspector value="plain" now={NOW} />);
    expect(shownText(container)).toBe('plain');
    expect(screen.queryByRole('button', { name: 'JWT' })).toBeNull();
  });

  it('renders a hostile value as text in every view, never as markup', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const hostileJson = JSON.stringify({ html: payload });
    const values = [
      payload,
      encodeURIComponent(payload),
      Buffer.from(payload).toString('base64'),
      encodeURIComponent(hostileJson),
      `${b64url(JSON.stringify({ alg: payload }))}.${b64url(hostileJson)}.sig`,
    ];
    for (const value of values) {
      const { container } = render(<ValueInspector value={value} now={NOW} />);
      const names = screen.getAllByRole('button').map((b) => b.textContent ?? '');
      for (const name of names.filter((n) => n !== 'Copy')) {
        fireEvent.click(screen.getByRole('button', { name }));
        expect(container.querySelector('img, script'), `${name} of ${value}`).toBeNull();
      }
      expect(names.length, value).toBeGreaterThan(value === payload ? 1 : 2);
      expect(container.textContent).toContain(payload.slice(0, 20));
      cleanup();
    }
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('copies the current view and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    render(<ValueInspector value={encodeURIComponent('a b')} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'URL-decoded' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('a b');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
  });

  it('says the copy failed when the clipboard refuses or is missing', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    const { unmount } = render(<ValueInspector value="v" now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copy failed'));
    unmount();

    vi.stubGlobal('navigator', {});
    render(<ValueInspector value="v" now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status').textContent).toBe('Copy failed');
  });
});
