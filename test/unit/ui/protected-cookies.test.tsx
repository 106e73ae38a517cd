// @vitest-environment happy-dom
/** Protected cookies in the shared workbench (popup, DevTools panel, side panel), over the memory connector. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProtectRule } from '../../../src/messages';
import type { Cookie } from '../../../src/model/cookie';
import { CookieWorkbench } from '../../../src/ui/components/cookie-workbench';
import { memoryConnector } from '../../../src/ui/connect/memory';
import { rulesCovering } from '../../../src/ui/protection';
import { makeCookie } from '../fixtures';

afterEach(cleanup);

/** The workbench's outcome bar (an open row's value inspector has a status line of its own). */
const statusBar = () => {
  const bar = screen.getAllByRole('status').find((el) => el.matches('p.status.bar'));
  if (!bar) throw new Error('no status bar');
  return bar;
};

const cookie = (name: string, extra: Partial<Cookie> = {}): Cookie => makeCookie({ name, ...extra });

function setup(cookies: Cookie[], protect: ProtectRule[] = []) {
  const connector = memoryConnector({ url: 'http://localhost:8600/', cookies, protect });
  const view = render(<CookieWorkbench connector={connector} />);
  return { connector, ...view };
}

const row = (c: Element, name: string) => c.querySelector(`[data-testid="cookie-row"][data-name="${name}"]`);
const lock = (c: Element, name: string) => row(c, name)?.querySelector('[data-testid="protected-lock"]') ?? null;
const names = (c: Element) =>
  [...c.querySelectorAll('[data-testid="cookie-row"]')].map((r) => r.getAttribute('data-name'));
const open = (c: Element, name: string) => fireEvent.click(row(c, name)?.querySelector('.row-head') as Element);

describe('rules covering a cookie', () => {
  it("are its own site's rules whose pattern matches its name", () => {
    const rules = [
      { site: 'localhost', name: 'sess*' },
      { site: 'example.com', name: 'sid' },
      { site: 'example.com', name: 's*d' },
    ];
    expect(rulesCovering(rules, { name: 'session', domain: 'localhost' })).toEqual([rules[0]]);
    expect(rulesCovering(rules, { name: 'sid', domain: 'localhost' })).toEqual([]);
    expect(rulesCovering(rules, { name: 'sid', domain: '.www.example.com' })).toEqual([rules[1], rules[2]]);
  });
});

describe('protected cookies in the workbench', () => {
  it('shows a lock on the rows a rule covers, patterns included, and on no other', async () => {
    const { container } = setup(
      [cookie('sid'), cookie('session_x'), cookie('theme')],
      [
        { site: 'localhost', name: 'sid' },
        { site: 'localhost', name: 'sess*' },
      ],
    );
    await waitFor(() => expect(names(container)).toHaveLength(3));
    expect(lock(container, 'sid')?.getAttribute('aria-label')).toBe('Protected');
    expect(lock(container, 'session_x')).not.toBeNull();
    expect(lock(container, 'theme')).toBeNull();
  });

  it('"Protect" adds a rule by site and name (never the value), shows the lock; "Unprotect" takes it away', async () => {
    const { container, connector } = setup([cookie('sid', { value: 'secret-value' }), cookie('theme')]);
    await waitFor(() => expect(names(container)).toHaveLength(2));
    open(container, 'sid');
    fireEvent.click(await screen.findByRole('button', { name: 'Protect' }));
    await waitFor(() => expect(lock(container, 'sid')).not.toBeNull());
    expect(connector.rules).toEqual([{ site: 'localhost', name: 'sid' }]);
    expect(JSON.stringify(connector.rules)).not.toContain('secret-value');
    expect(statusBar().textContent).toContain('Protected sid');
    fireEvent.click(screen.getByRole('button', { name: 'Unprotect' }));
    await waitFor(() => expect(lock(container, 'sid')).toBeNull());
    expect(connector.rules).toEqual([]);
    expect(screen.getByRole('button', { name: 'Protect' })).toBeTruthy();
  });

  it('editing a protected cookie asks first: Cancel opens nothing, Confirm opens the form', async () => {
    const { container } = setup([cookie('sid')], [{ site: 'localhost', name: 'sid' }]);
    await waitFor(() => expect(lock(container, 'sid')).not.toBeNull());
    open(container, 'sid');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('sid is protected. Edit it anyway?');
    expect(container.querySelector('form.cookie-form')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The form opens once its code is here: let that code arrive before saying Cancel opened nothing.
    await act(async () => {
      await Promise.all([import('../../../src/ui/form-model'), import('../../../src/ui/components/cookie-form')]);
    });
    expect(container.querySelector('form.cookie-form')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(container.querySelector('form.cookie-form')).not.toBeNull());
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('an unprotected cookie opens its form at once', async () => {
    const { container } = setup([cookie('theme')]);
    await waitFor(() => expect(names(container)).toHaveLength(1));
    open(container, 'theme');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(container.querySelector('form.cookie-form')).not.toBeNull());
  });

  it('deleting a protected cookie asks first, then deletes it on purpose (undoable)', async () => {
    const { container, connector } = setup([cookie('sid'), cookie('theme')], [{ site: 'localhost', name: 'sid' }]);
    await waitFor(() => expect(lock(container, 'sid')).not.toBeNull());
    open(container, 'sid');
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('sid is protected. Delete it anyway?');
    expect(connector.jar.size).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(names(container)).toEqual(['theme']));
    expect([...connector.jar.values()].map((c) => c.name)).toEqual(['theme']);
    await waitFor(() => expect(statusBar().textContent).toContain('Deleted sid'));
  });

  it('Delete all keeps protected cookies and says so, with Undo', async () => {
    const cookies = ['a', 'b', 'c', 'd', 'e', 'sid'].map((n) => cookie(n));
    const { container, connector } = setup(cookies, [{ site: 'localhost', name: 'sid' }]);
    await waitFor(() => expect(names(container)).toHaveLength(6));
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    expect((await screen.findByTestId('delete-all-dialog')).textContent).toContain(
      'Delete 5 cookies of localhost? The protected one is kept.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete all' }));
    await waitFor(() => expect(names(container)).toEqual(['sid']));
    const bar = statusBar();
    expect(bar.textContent).toContain('Deleted 5 cookies · kept 1 protected');
    expect(bar.querySelector('button')?.textContent).toBe('Undo');
    expect([...connector.jar.keys()]).toHaveLength(1);
    expect(lock(container, 'sid')).not.toBeNull();
  });

  it('Esc closes the question without deleting', async () => {
    const { container, connector } = setup([cookie('sid')], [{ site: 'localhost', name: 'sid' }]);
    await waitFor(() => expect(lock(container, 'sid')).not.toBeNull());
    open(container, 'sid');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByRole('alertdialog');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(connector.jar.size).toBe(1);
  });

  it('offers no Protect where the connector cannot protect', async () => {
    const {
      setProtection: _s,
      protectRules: _r,
      ...plain
    } = memoryConnector({ url: 'http://localhost/', cookies: [cookie('sid')] });
    const { container } = render(<CookieWorkbench connector={plain} />);
    await waitFor(() => expect(names(container)).toHaveLength(1));
    open(container, 'sid');
    expect(screen.queryByRole('button', { name: 'Protect' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeTruthy();
  });

  it('offers "All sites" only when the host page can open the manager', async () => {
    let opened = 0;
    const connector = memoryConnector({ url: 'http://localhost/', cookies: [cookie('sid')] });
    const view = render(<CookieWorkbench connector={connector} onAllSites={() => opened++} />);
    await waitFor(() => expect(names(view.container)).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'All sites' }));
    expect(opened).toBe(1);
    cleanup();
    setup([cookie('sid')]);
    await screen.findByRole('button', { name: 'Delete all' });
    expect(screen.queryByRole('button', { name: 'All sites' })).toBeNull();
  });
});
