// @vitest-environment happy-dom
/**
 * What a screen reader gets from the workbench: each row's name with its severity counts, and one
 * polite live region, on the page from the first render, whose text is replaced by each outcome.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../../src/core/audit';
import type { Cookie } from '../../../src/model/cookie';
import { CookieWorkbench } from '../../../src/ui/components/cookie-workbench';
import { LiveRegion, spokenOutcome } from '../../../src/ui/components/live-region';
import { ManagerPage } from '../../../src/ui/components/manager/manager-page';
import { memoryConnector } from '../../../src/ui/connect/memory';
import { memoryStoreConnector } from '../../../src/ui/connect/memory-store';
import { rowAccessibleName } from '../../../src/ui/finding-text';
import { makeCookie } from '../fixtures';

afterEach(cleanup);

const URL_ = 'http://localhost:8600/';
const cookie = (name: string, extra: Partial<Cookie> = {}): Cookie => makeCookie({ name, ...extra });

function setup(cookies: Cookie[]) {
  const connector = memoryConnector({
    url: URL_,
    cookies,
    audit: (list) => audit(list, { pageUrl: URL_, now: Date.UTC(2026, 10, 26) }),
  });
  const view = render(<CookieWorkbench connector={connector} />);
  return { connector, ...view };
}

const region = (c: Element) => c.querySelector('[data-testid="live-region"]');
const head = (c: Element, name: string) =>
  c.querySelector(`[data-testid="cookie-row"][data-name="${name}"] .row-head`) as HTMLElement | null;

describe("a row's accessible name", () => {
  it('is the name, then the findings counted per severity, most serious first', () => {
    const findings = [{ severity: 'medium' }, { severity: 'high' }, { severity: 'medium' }] as const;
    expect(rowAccessibleName('sid', findings)).toBe('sid, 1 high, 2 medium');
    expect(rowAccessibleName('theme', [])).toBe('theme, no warnings');
    expect(rowAccessibleName('', [{ severity: 'low' }])).toBe('(no name), 1 low');
    expect(rowAccessibleName('sid', [{ severity: 'info' }], { locked: true })).toBe('sid, protected, 1 info');
  });

  it("is what each rendered row says, counted from the row's own badges, with value and expiry as its description", async () => {
    const { container } = setup([
      cookie('sid', { value: 'abc123' }),
      cookie('theme', { secure: true, httpOnly: true, sameSite: 'lax' }),
    ]);
    await waitFor(() => expect(head(container, 'sid')).not.toBeNull());
    const sid = head(container, 'sid') as HTMLElement;
    const badges = [...(sid.querySelectorAll('[data-severity]') ?? [])].map((b) => b.getAttribute('data-severity'));
    const count = (s: string) => badges.filter((b) => b === s).length;
    expect(count('high')).toBeGreaterThan(0);
    const expected = [
      'sid',
      ...['high', 'medium', 'low', 'info'].filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}`),
    ];
    expect(screen.getByRole('button', { name: expected.join(', ') })).toBe(sid);
    const described = (sid.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described[0]).toBe('abc123');
    expect(described[1]).toBe('Session');
    expect(head(container, 'theme')?.getAttribute('aria-label')).toMatch(/^theme(, no warnings|, \d+ (low|info))/);
  });
});

describe('the live region', () => {
  it('speaks successes (with "Undo available." when the bar offers Undo) and leaves errors to the alert', () => {
    expect(
      spokenOutcome({
        text: 'Deleted sid. Undo brings it back.',
        spoken: 'Deleted sid.',
        error: false,
        undoable: true,
      }),
    ).toBe('Deleted sid. Undo available.');
    expect(spokenOutcome({ text: 'Saved theme.', error: false })).toBe('Saved theme.');
    expect(spokenOutcome({ text: 'Could not delete', error: true })).toBe('');
    expect(spokenOutcome(undefined)).toBe('');
  });

  it('is a polite region on the page from the first render, before the cookies have loaded', () => {
    const { container } = setup([cookie('sid')]);
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    const live = region(container);
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(live?.getAttribute('aria-atomic')).toBe('true');
    expect(live?.textContent).toBe('');
  });

  it('keeps the same element and replaces its text after each action: delete, undo, save', async () => {
    const { container } = setup([cookie('sid'), cookie('theme', { value: 'light' })]);
    const live = region(container);
    await waitFor(() => expect(head(container, 'sid')).not.toBeNull());
    expect(region(container)).toBe(live);

    fireEvent.click(head(container, 'sid') as HTMLElement);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(live?.textContent).toBe('Deleted sid. Undo available.'));
    // The bar still shows its own words, and is not a second live region.
    const bar = container.querySelector('p.status.bar');
    expect(bar?.textContent).toContain('Deleted sid. Undo brings it back.');
    expect(bar?.getAttribute('aria-live')).toBe('off');

    fireEvent.click(screen.getByRole('button', { name: 'Undo: Deleted sid' }));
    await waitFor(() => expect(live?.textContent).toBe('Undone: Deleted sid.'));
    await waitFor(() => expect(head(container, 'sid')).not.toBeNull());

    fireEvent.click(head(container, 'theme') as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.input(await screen.findByLabelText('Value'), { target: { value: 'dark' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(live?.textContent).toBe('Saved theme. Undo available.'));
    expect(region(container)).toBe(live);
    expect(container.querySelectorAll('[aria-live="polite"]')).toHaveLength(1);
  });

  it('says the same outcome twice as a change, so it is heard again', () => {
    const first = { text: 'Saved theme.', error: false };
    const view = render(<LiveRegion status={first} />);
    const text = () => view.container.querySelector('[data-testid="live-region"]')?.textContent;
    expect(text()).toBe('Saved theme.');
    view.rerender(<LiveRegion status={{ ...first }} />);
    expect(text()).toBe('Saved theme.\u00a0');
    view.rerender(<LiveRegion status={{ ...first }} />);
    expect(text()).toBe('Saved theme.');
    // A re-render with the same outcome is no new outcome: nothing changes.
    const same = { text: 'Deleted sid.', error: false };
    view.rerender(<LiveRegion status={same} />);
    view.rerender(<LiveRegion status={same} />);
    expect(text()).toBe('Deleted sid.');
  });
});

describe('the manager page speaks its outcomes too', () => {
  const site = (n: number) => `site${n}-x.test`;
  const jar = () => [0, 1, 2].map((n) => makeCookie({ name: `c${n}`, domain: site(n) }));
  function manager() {
    const connector = memoryStoreConnector({
      cookies: jar(),
      audit: (list) => audit(list, { pageUrl: 'https://example.test/', now: Date.UTC(2026, 10, 26) }),
    });
    return { connector, ...render(<ManagerPage connector={connector} storeId="0" />) };
  }

  it('a bulk delete is heard from the region that was there from the first render', async () => {
    const { container } = manager();
    const live = region(container);
    expect(live?.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(container.querySelectorAll('[data-testid="cookie-row"]')).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Select all' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(live?.textContent).toBe('Deleted 3 cookies. Undo available.'));
    expect(region(container)).toBe(live);
  });

  it('a restore says "Restored 3 cookies" in a region that was in the dialog before Confirm', async () => {
    const { container, connector } = manager();
    await waitFor(() => expect(container.querySelectorAll('[data-testid="cookie-row"]')).toHaveLength(3));
    const { text } = await connector.backup('0');
    await connector.remove([...connector.jar.values()], 'wipe');
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    const dialog = screen.getByRole('dialog');
    const live = region(dialog);
    expect(live?.textContent).toBe('');
    const input = screen.getByLabelText('Backup file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([text], 'backup.json', { type: 'application/json' })] } });
    await waitFor(() => expect(screen.getAllByTestId('restore-new')).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(live?.textContent).toBe('Restored 3 cookies; 0 unchanged. Undo available.'));
    expect(region(dialog)).toBe(live);
    // The visible outcome stays, and is not a second live region.
    expect(screen.getByTestId('restore-outcome').getAttribute('aria-live')).toBe('off');
  });
});

describe('confirmations keep the focus the user moved', () => {
  it('take focus once when they open, not again when the cookies change behind them', async () => {
    const { DeleteAllDialog } = await import('../../../src/ui/components/delete-all-dialog');
    const { ConfirmDialog } = await import('../../../src/ui/components/confirm-dialog');
    const noop = () => {};
    const all = (count: number) => <DeleteAllDialog count={count} host="localhost" onConfirm={noop} onCancel={noop} />;
    const view = render(all(3));
    expect(document.activeElement?.textContent).toBe('Confirm delete all');
    screen.getByRole('button', { name: 'Cancel' }).focus();
    view.rerender(all(4));
    expect(document.activeElement?.textContent).toBe('Cancel');
    cleanup();

    const ask = (question: string) => (
      <ConfirmDialog label="Confirm" question={question} onConfirm={noop} onCancel={noop} />
    );
    const again = render(ask('sid is protected. Edit it anyway?'));
    expect(document.activeElement?.textContent).toBe('Confirm');
    screen.getByRole('button', { name: 'Cancel' }).focus();
    again.rerender(ask('sid is protected. Edit it anyway? '));
    expect(document.activeElement?.textContent).toBe('Cancel');
  });
});
