// @vitest-environment happy-dom
/** An open row whose code could not load (the extension was updated under an open page) says so. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { CookieWorkbench } from '../../../src/ui/components/cookie-workbench';
import { memoryConnector } from '../../../src/ui/connect/memory';
import { makeCookie } from '../fixtures';

vi.mock('../../../src/ui/components/cookie-row-body', () => {
  throw new Error('Failed to fetch dynamically imported module: cookie-row-body.js');
});

afterEach(cleanup);

it("an open row whose body cannot load shows the browser's reason, not an empty row", async () => {
  const connector = memoryConnector({ url: 'https://example.test/', cookies: [makeCookie({ name: 'sid' })] });
  const { container } = render(<CookieWorkbench connector={connector} />);
  await waitFor(() => expect(container.querySelector('[data-testid="cookie-row"]')).not.toBeNull());
  fireEvent.click(container.querySelector('.row-head') as Element);
  const alert = await screen.findByRole('alert');
  // The loader's own error text (vitest wraps the mock's error in its own words).
  expect(alert.textContent).toMatch(/error when mocking a module/);
  expect(alert.closest('[data-testid="cookie-row"]')?.getAttribute('data-name')).toBe('sid');
});
