// @vitest-environment happy-dom
/** The side panel's workbench: the shown tab's cookies, swapped when the follower reports a switch, reloaded on a navigation. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ActiveTabWorkbench } from '../../../src/ui/components/active-tab-workbench';
import type { ActiveTabFollower } from '../../../src/ui/connect/active-tab';
import { memoryConnector } from '../../../src/ui/connect/memory';
import { makeCookie } from '../fixtures';

afterEach(cleanup);

function fakeFollower(first: number | undefined) {
  const switches = new Set<(id: number) => void>();
  const navigations = new Set<(id: number) => void>();
  const follower: ActiveTabFollower = {
    current: async () => first,
    onSwitch: (l) => {
      switches.add(l);
      return () => switches.delete(l);
    },
    onNavigate: (l) => {
      navigations.add(l);
      return () => navigations.delete(l);
    },
    stop: () => {},
  };
  return {
    follower,
    switchTo: (id: number) => {
      for (const l of switches) l(id);
    },
    navigate: (id: number) => {
      for (const l of navigations) l(id);
    },
  };
}

const names = (c: Element) =>
  [...c.querySelectorAll('[data-testid="cookie-row"]')].map((r) => r.getAttribute('data-name'));

describe('ActiveTabWorkbench', () => {
  const tabs = {
    1: memoryConnector({ url: 'http://one.test/', cookies: [makeCookie({ name: 'one', domain: 'one.test' })] }),
    2: memoryConnector({ url: 'http://two.test/', cookies: [makeCookie({ name: 'two', domain: 'two.test' })] }),
  };
  // Like the extension connector, the memory one does not hear navigations: the workbench must.
  const quiet = (id: 1 | 2) => ({ ...tabs[id], onChange: () => () => {} });
  /** Two tabs of their own, for a test that edits: nothing another test left in the shared ones. */
  const freshTabs = () => {
    const own = {
      1: memoryConnector({ url: 'http://one.test/', cookies: [makeCookie({ name: 'one', domain: 'one.test' })] }),
      2: memoryConnector({ url: 'http://two.test/', cookies: [makeCookie({ name: 'two', domain: 'two.test' })] }),
    };
    return (id: number) => ({ ...own[id as 1 | 2], onChange: () => () => {} });
  };

  it("shows the active tab's cookies and switches with the tab", async () => {
    const { follower, switchTo } = fakeFollower(1);
    const { container } = render(<ActiveTabWorkbench follower={follower} connectorFor={(id) => quiet(id as 1 | 2)} />);
    await waitFor(() => expect(names(container)).toEqual(['one']));
    switchTo(2);
    await waitFor(() => expect(names(container)).toEqual(['two']));
    expect(container.querySelector('[data-tab-id]')?.getAttribute('data-tab-id')).toBe('2');
  });

  it('reloads when the shown tab navigates', async () => {
    const { follower, navigate } = fakeFollower(1);
    const { container } = render(<ActiveTabWorkbench follower={follower} connectorFor={(id) => quiet(id as 1 | 2)} />);
    await waitFor(() => expect(names(container)).toEqual(['one']));
    tabs[1].jar.set('x', makeCookie({ name: 'after-navigation', domain: 'one.test' }));
    navigate(1);
    await waitFor(() => expect(names(container)).toContain('after-navigation'), { timeout: 2000 });
  });

  it('a tab switch waits while a form is open: the typed value and then the outcome stay, until "Show that tab"', async () => {
    const { follower, switchTo } = fakeFollower(1);
    const connectorFor = freshTabs();
    const { container } = render(<ActiveTabWorkbench follower={follower} connectorFor={connectorFor} />);
    await waitFor(() => expect(names(container)).toEqual(['one']));
    fireEvent.click(container.querySelector('.row-head') as Element);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.input(await screen.findByLabelText('Value'), { target: { value: 'typed, not saved' } });
    switchTo(2);
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Tab switch' }).textContent).toContain('another tab'),
    );
    expect((screen.getByLabelText('Value') as HTMLTextAreaElement).value).toBe('typed, not saved');
    expect(screen.getByRole('button', { name: 'Discard and show that tab' })).toBeTruthy();
    expect(names(container)).toEqual(['one']);
    // Saved: its outcome (with Undo) shows here; the panel follows only when asked.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(container.querySelector('form.cookie-form')).toBeNull(), { timeout: 5000 });
    expect(container.querySelector('p.status.bar')?.textContent).toContain('Undo');
    expect(names(container)).toEqual(['one']);
    fireEvent.click(screen.getByRole('button', { name: 'Show that tab' }));
    await waitFor(() => expect(names(container)).toEqual(['two']));
    expect(screen.queryByRole('status', { name: 'Tab switch' })).toBeNull();
  });

  it('"Discard and show that tab" follows the switch at once, closing the form', async () => {
    const { follower, switchTo } = fakeFollower(1);
    const connectorFor = freshTabs();
    const { container } = render(<ActiveTabWorkbench follower={follower} connectorFor={connectorFor} />);
    await waitFor(() => expect(names(container)).toEqual(['one']));
    fireEvent.click(container.querySelector('.row-head') as Element);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    await screen.findByLabelText('Value');
    switchTo(2);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard and show that tab' }));
    await waitFor(() => expect(names(container)).toEqual(['two']));
    expect(screen.queryByLabelText('Value')).toBeNull();
  });

  it('a tab switch while the form is still loading waits for it too', async () => {
    const { follower, switchTo } = fakeFollower(1);
    const connectorFor = freshTabs();
    const { container } = render(<ActiveTabWorkbench follower={follower} connectorFor={connectorFor} />);
    await waitFor(() => expect(names(container)).toEqual(['one']));
    fireEvent.click(container.querySelector('.row-head') as Element);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    // No await: the form's code may still be on its way.
    switchTo(2);
    expect(await screen.findByLabelText('Value')).toBeTruthy();
    expect(names(container)).toEqual(['one']);
  });

  it('says so when there is no tab to show', async () => {
    const { follower } = fakeFollower(undefined);
    const { container } = render(<ActiveTabWorkbench follower={follower} connectorFor={(id) => quiet(id as 1 | 2)} />);
    await waitFor(() => expect(container.textContent).toContain('No tab to show cookies for'));
  });
});
