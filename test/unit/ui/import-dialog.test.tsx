// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evictionText, ImportDialog } from '../../../src/ui/components/import-dialog';

afterEach(cleanup);

describe('the import preview warns before the browser would evict cookies', () => {
  it('words a site past its limit and a store past its limit', () => {
    expect(evictionText({ site: 'example.com', stored: 175, adding: 10, limit: 180 })).toBe(
      "example.com has 175 cookies; adding 10 more goes past the browser's limit of 180 per site, so it would evict about 5 older cookies. Undo brings evicted cookies back.",
    );
    expect(evictionText({ site: '', stored: 2_999, adding: 2, limit: 3_000 })).toBe(
      "This cookie store has 2,999 cookies; adding 2 more goes past the browser's limit of 3,000, so it would evict about 1 older cookie. Undo brings evicted cookies back.",
    );
  });

  it('asks the background with exactly the previewed cookies, shows each risk, and writes nothing', async () => {
    const evictionRisks = vi.fn(async (_cookies: unknown[]) => [{ site: 'localhost', stored: 179, adding: 2, limit: 180 }]);
    const onImport = vi.fn();
    render(
      <ImportDialog host="localhost" storeId="0" existing={[]} onImport={onImport} evictionRisks={evictionRisks} onClose={() => {}} />,
    );
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'a=1; b=2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getAllByTestId('import-eviction')).toHaveLength(1));
    expect(screen.getByTestId('import-eviction').textContent).toContain('localhost has 179 cookies; adding 2 more');
    expect(evictionRisks.mock.calls[0]?.[0]).toEqual([
      expect.objectContaining({ name: 'a', value: '1', storeId: '0' }),
      expect.objectContaining({ name: 'b', value: '2', storeId: '0' }),
    ]);
    expect(onImport).not.toHaveBeenCalled();
  });
});

describe('the import preview names a nameless cookie', () => {
  it('as what it is, not as an empty name', async () => {
    const { previewName } = await import('../../../src/ui/components/import-dialog');
    expect(previewName({ name: '', value: 'c' })).toBe('a nameless cookie (value "c")');
    expect(previewName({ name: 'sid', value: 'x' })).toBe('sid');
  });
});

describe('the import preview names the cookie a JSON error is about (issue 15)', () => {
  it('shows `entry N ("name")`, not a bare entry number', async () => {
    render(<ImportDialog host="example.com" storeId="0" existing={[]} onImport={vi.fn()} evictionRisks={async () => []} onClose={() => {}} />);
    const json = JSON.stringify([
      { name: 'ok', value: 'v', domain: 'example.com' },
      { name: 'sid', value: 'v', domain: 'example.com', secure: 'yes' },
      { value: 'v', domain: 'example.com' },
    ]);
    fireEvent.input(screen.getByRole('textbox'), { target: { value: json } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getAllByTestId('import-error')).toHaveLength(2));
    expect(screen.getAllByTestId('import-error').map((e) => e.textContent)).toEqual([
      'entry 2 ("sid"): "secure" must be true or false',
      'entry 3: missing or non-string "name"',
    ]);
  });
});
