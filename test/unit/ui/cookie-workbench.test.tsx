// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../../src/core/audit';
import type { Cookie } from '../../../src/model/cookie';
import { CookieWorkbench } from '../../../src/ui/components/cookie-workbench';
import { memoryConnector } from '../../../src/ui/connect/memory';
import { makeCookie } from '../fixtures';

afterEach(cleanup);

const URL_ = 'http://localhost:8600/';
const cookie = (name: string, extra: Partial<Cookie> = {}): Cookie => makeCookie({ name, ...extra });

function setup(cookies: Cookie[], refuse?: (c: Cookie) => string | undefined) {
  const connector = memoryConnector({
    url: URL_,
    cookies,
    audit: (list) => audit(list, { pageUrl: URL_, now: Date.UTC(2026, 10, 26) }),
    ...(refuse ? { refuse } : {}),
  });
  const view = render(<CookieWorkbench connector={connector} />);
  return { connector, ...view };
}

const rows = (c: Element) => [...c.querySelectorAll('[data-testid="cookie-row"]')];

describe('CookieWorkbench', () => {
  it('lists every cookie with its findings as data-rule badges', async () => {
    const { container } = setup([cookie('sid'), cookie('theme', { secure: true, httpOnly: true, sameSite: 'lax' })]);
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    const sid = container.querySelector('[data-name="sid"]');
    const rules = [...(sid?.querySelectorAll('[data-rule]') ?? [])].map((b) => b.getAttribute('data-rule'));
    expect(rules).toContain('missing-httponly-session');
    expect(sid?.querySelector('[data-rule="missing-secure"]')?.getAttribute('data-severity')).toBe('high');
  });

  it('searches by name, value or domain and filters to cookies with warnings', async () => {
    const { container } = setup([
      cookie('sid'),
      cookie('pref', { value: 'blue', secure: true, httpOnly: true, sameSite: 'strict' }),
    ]);
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'blue' } });
    expect(rows(container).map((r) => r.getAttribute('data-name'))).toEqual(['pref']);
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('With warnings'));
    expect(rows(container).map((r) => r.getAttribute('data-name'))).toEqual(['sid']);
  });

  it('deletes a cookie and undo brings back the identical cookie', async () => {
    const original = cookie('sid', { session: false, expirationDate: 1_900_000_000, sameSite: 'strict' });
    const { container, connector } = setup([original]);
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    fireEvent.click(container.querySelector('.row-head') as Element);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rows(container)).toHaveLength(0));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    expect([...connector.jar.values()]).toEqual([original]);
  });

  it('keeps the form filled and shows the reason when the write is refused', async () => {
    const { container, connector } = setup([cookie('sid', { value: 'keep' })], (c) =>
      c.sameSite === 'none' && !c.secure ? 'Chrome refused the cookie: SameSite=None needs Secure.' : undefined,
    );
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    fireEvent.click(container.querySelector('.row-head') as Element);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    // The form's code loads on first use.
    fireEvent.input(await screen.findByLabelText('Value'), { target: { value: 'changed' } });
    fireEvent.change(screen.getByLabelText('SameSite'), { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('SameSite=None needs Secure'));
    expect((screen.getByLabelText('Value') as HTMLTextAreaElement).value).toBe('changed');
    expect([...connector.jar.values()][0]?.value).toBe('keep');
  });

  it('shows changes made elsewhere without losing the open row', async () => {
    const { container, connector } = setup([cookie('a')]);
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    fireEvent.click(container.querySelector('.row-head') as Element);
    await connector.importCookies([cookie('b')]);
    await waitFor(() => expect(rows(container)).toHaveLength(2), { timeout: 2000 });
    expect(container.querySelector('[data-name="a"]')?.classList.contains('open')).toBe(true);
  });

  it('renders a hostile value as text in the row and the inspector', async () => {
    const payload = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>';
    const { container } = setup([cookie('xss', { value: payload })]);
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    fireEvent.click(container.querySelector('.row-head') as Element);
    expect(container.querySelector('img, script')).toBeNull();
    // The inspector loads on first open.
    await waitFor(() => expect(container.textContent).toContain(payload));
    expect(container.querySelector('img, script')).toBeNull();
  });
});

describe('CookieWorkbench duplicate', () => {
  it('duplicates a cookie under a new name and keeps the original', async () => {
    const original = cookie('pref', { value: 'blue', secure: true, sameSite: 'lax' });
    const { container, connector } = setup([original]);
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    fireEvent.click(container.querySelector('.row-head') as Element);
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    expect(((await screen.findByLabelText('Name')) as HTMLInputElement).value).toBe('pref-copy');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    const byName = Object.fromEntries([...connector.jar.values()].map((c) => [c.name, c]));
    expect(byName.pref).toEqual(original);
    expect(byName['pref-copy']).toMatchObject({ value: 'blue', secure: true, sameSite: 'lax', domain: 'localhost' });
  });
});

describe('CookieWorkbench editing same-name cookies', () => {
  it('opening Edit on a second same-name cookie shows that cookie, and saving changes only it', async () => {
    const root = cookie('dup', { value: 'root' });
    const app = cookie('dup', { value: 'app', path: '/app' });
    const { container, connector } = setup([root, app]);
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    const head = (path: string) =>
      container.querySelector(`[data-name="dup"][data-path="${path}"] .row-head`) as Element;
    fireEvent.click(head('/'));
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.click(head('/'));
    fireEvent.click(head('/app'));
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(((await screen.findByLabelText('Path')) as HTMLInputElement).value).toBe('/app');
    fireEvent.input(screen.getByLabelText('Value'), { target: { value: 'edited' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(container.querySelector('p.status')?.textContent).toContain('Saved dup'));
    const byPath = Object.fromEntries([...connector.jar.values()].map((c) => [c.path, c.value]));
    expect(byPath).toEqual({ '/': 'root', '/app': 'edited' });
  });
});

describe('CookieWorkbench first frame', () => {
  const many = Array.from({ length: 120 }, (_, i) => cookie(`c${String(i).padStart(3, '0')}`));
  const connectorOf = (cookies: Cookie[]) =>
    memoryConnector({
      url: URL_,
      cookies,
      audit: (list) => audit(list, { pageUrl: URL_, now: Date.UTC(2026, 10, 26) }),
    });

  it('renders the first rows at once and every row right after, in order', async () => {
    const { container } = render(<CookieWorkbench connector={connectorOf(many)} />);
    await waitFor(() => expect(rows(container).length).toBeGreaterThan(0));
    expect(rows(container).length).toBeLessThan(many.length);
    await waitFor(() => expect(rows(container)).toHaveLength(many.length));
    expect(rows(container).map((r) => r.getAttribute('data-name'))).toEqual(many.map((c) => c.name));
  });

  it('renders no row while hidden and never shown (the panel opened on its log), then every row', async () => {
    const connector = connectorOf(many.slice(0, 3));
    const { container, rerender } = render(<CookieWorkbench connector={connector} shown={false} />);
    await waitFor(() => expect(container.querySelector('.summary .count')?.textContent).toBe('3 cookies'));
    expect(rows(container)).toHaveLength(0);
    expect(container.textContent).not.toContain('No cookie matches.');
    rerender(<CookieWorkbench connector={connector} shown />);
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    rerender(<CookieWorkbench connector={connector} shown={false} />);
    expect(rows(container)).toHaveLength(3);
  });
});

describe('a form asked for before its code is here', () => {
  it('Esc cancels it: the form does not open afterwards, and the row stays open', async () => {
    const { container } = setup([cookie('sid')]);
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    fireEvent.click(container.querySelector('.row-head') as Element);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    // Esc at once, while the form's code may still be loading.
    fireEvent.keyDown(container.querySelector('.row-head') as Element, { key: 'Escape' });
    await act(async () => {
      await Promise.all([import('../../../src/ui/form-model'), import('../../../src/ui/components/cookie-form')]);
    });
    expect(container.querySelector('form.cookie-form')).toBeNull();
    expect(container.querySelector('.row-head')?.getAttribute('aria-expanded')).toBe('true');
  });
});
