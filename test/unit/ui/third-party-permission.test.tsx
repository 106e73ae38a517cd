// @vitest-environment happy-dom
/**
 * The DevTools log view's one button for the optional `privacy` permission (Chrome's third-party cookie
 * setting): shown while the permission is missing, asks for exactly that permission, gone once granted.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SetCookieLogView } from '../../../src/ui/components/set-cookie-log-view';
import { memoryLogSource } from '../../../src/ui/connect/memory';

const permissions = vi.hoisted(() => ({ granted: false, contains: vi.fn(), request: vi.fn() }));

vi.mock('../../../src/ui/connect/browser-api', () => ({
  browser: {
    runtime: { getURL: (path: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${path}` },
    permissions: {
      contains: permissions.contains.mockImplementation(async () => permissions.granted),
      request: permissions.request.mockImplementation(async () => {
        permissions.granted = true;
        return true;
      }),
    },
  },
}));

afterEach(cleanup);

const LABEL = 'Let Cookie Lens read whether Chrome blocks third-party cookies';

describe('third-party setting permission button', () => {
  it('asks for the privacy permission and disappears once it is granted', async () => {
    permissions.granted = false;
    render(<SetCookieLogView source={memoryLogSource([])} />);
    const button = await screen.findByRole('button', { name: LABEL });
    expect(permissions.contains).toHaveBeenCalledWith({ permissions: ['privacy'] });
    fireEvent.click(button);
    expect(permissions.request).toHaveBeenCalledWith({ permissions: ['privacy'] });
    await waitFor(() => expect(screen.queryByRole('button', { name: LABEL })).toBeNull());
  });

  it('is not shown when the permission is already granted', async () => {
    permissions.granted = true;
    render(<SetCookieLogView source={memoryLogSource([])} />);
    await waitFor(() => expect(permissions.contains).toHaveBeenCalled());
    await screen.findByRole('toolbar');
    expect(screen.queryByRole('button', { name: LABEL })).toBeNull();
  });
});
