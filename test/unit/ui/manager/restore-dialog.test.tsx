// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { emptyRestorePreview } from '../../../../src/core/formats/backup';
import type { RestoreOutcome, RestorePreview } from '../../../../src/messages';
import { RestoreDialog } from '../../../../src/ui/components/manager/restore-dialog';
import { makeCookie } from '../../fixtures';

afterEach(cleanup);

const previewOf = (name: string): RestorePreview => ({
  ...emptyRestorePreview(),
  added: [makeCookie({ name, domain: 'example.test' })],
});

it('a second file chosen before the first preview answers: the preview and Confirm are the second file’s', async () => {
  // The first file's preview answers last (a large file read, a busy worker).
  const answers = new Map<string, (p: RestorePreview) => void>();
  const restored: string[] = [];
  render(
    <RestoreDialog
      storeName="Normal"
      preview={(text) => new Promise((resolve) => answers.set(text, resolve))}
      restore={async (text) => {
        restored.push(text);
        const outcome: RestoreOutcome = { written: 1, failed: [], unchanged: 0 };
        return outcome;
      }}
      onClose={() => {}}
    />,
  );
  const input = screen.getByLabelText('Backup file') as HTMLInputElement;
  const file = (content: string, name: string) => new File([content], name, { type: 'application/json' });
  fireEvent.change(input, { target: { files: [file('first', 'first.json')] } });
  await waitFor(() => expect(answers.has('first')).toBe(true));
  fireEvent.change(input, { target: { files: [file('second', 'second.json')] } });
  await waitFor(() => expect(answers.has('second')).toBe(true));
  answers.get('second')?.(previewOf('from_second'));
  await waitFor(() => expect(screen.getByTestId('restore-new').textContent).toContain('from_second'));
  // The late answer for the first file is dropped: what is shown is what Confirm writes.
  await act(async () => answers.get('first')?.(previewOf('from_first')));
  expect(screen.getByTestId('restore-new').textContent).toContain('from_second');
  expect(screen.queryByText(/from_first/)).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
  await waitFor(() => expect(restored).toEqual(['second']));
});

it('no other file can be chosen while a restore is writing: its result stays with the file it came from', async () => {
  let finish: (o: RestoreOutcome) => void = () => {};
  render(
    <RestoreDialog
      storeName="Normal"
      preview={async () => previewOf('only')}
      restore={() => new Promise((resolve) => (finish = resolve))}
      onClose={() => {}}
    />,
  );
  const input = screen.getByLabelText('Backup file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['a'], 'a.json', { type: 'application/json' })] } });
  await waitFor(() => expect(screen.getByTestId('restore-new').textContent).toContain('only'));
  fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
  await waitFor(() => expect(input.disabled).toBe(true));
  await act(async () => finish({ written: 1, failed: [], unchanged: 0 }));
  expect(input.disabled).toBe(false);
  expect(screen.getByTestId('restore-outcome').textContent).toContain('Restored 1 cookie');
});
