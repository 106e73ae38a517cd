// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cookie } from '../../../src/model/cookie';
import { CookieWorkbench } from '../../../src/ui/components/cookie-workbench';
import { ExportPanel } from '../../../src/ui/components/export-panel';
import { EXPORT_FORMAT_PREF, savePref } from '../../../src/ui/connect/prefs';
import { memoryConnector } from '../../../src/ui/connect/memory';
import { makeCookie } from '../fixtures';

const PAGE = 'http://localhost:8600/app';
const SID = makeCookie({ name: 'sessionid', value: 'x9Kq2LmP7vR4tY8wZ3nB6cD1fG5hJ0sA', httpOnly: true });
const THEME = makeCookie({ name: 'theme', value: 'dark', sameSite: 'lax' });
const ELSEWHERE = makeCookie({ name: 'other', value: 'o', path: '/other' });

let copied: string[] = [];
beforeEach(async () => {
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn(async (text: string) => void copied.push(text)) },
  });
  await savePref(EXPORT_FORMAT_PREF, undefined);
});
afterEach(cleanup);

const exported = () => (screen.getByLabelText('Exported text') as HTMLTextAreaElement).value;
const format = () => screen.getByLabelText('Format') as HTMLSelectElement;

describe('ExportPanel', () => {
  it('offers every format, grouped: files, test tools, requests to this page', () => {
    render(<ExportPanel cookies={[THEME]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    const groups = [...format().querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)]);
    expect(groups).toEqual([
      ['Files', ['json', 'netscape', 'header', 'set-cookie']],
      ['Test tools', ['playwright', 'puppeteer', 'selenium']],
      ['Requests to this page', ['curl', 'httpie', 'fetch']],
    ]);
  });

  it('writes Playwright storageState for the shown cookies', () => {
    render(<ExportPanel cookies={[THEME, ELSEWHERE]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    fireEvent.change(format(), { target: { value: 'playwright' } });
    const state = JSON.parse(exported());
    expect(state.origins).toEqual([]);
    expect(state.cookies.map((c: { name: string; sameSite: string }) => [c.name, c.sameSite])).toEqual([
      ['theme', 'Lax'],
      ['other', 'Lax'],
    ]);
  });

  it('curl for the page URL carries only the cookies sent there, and says how many', () => {
    render(<ExportPanel cookies={[THEME, ELSEWHERE]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    fireEvent.change(format(), { target: { value: 'curl' } });
    expect(exported()).toBe(`curl '${PAGE}' -H 'Cookie: theme=dark'\n`);
    expect(screen.getByTestId('export-what').textContent).toBe(`1 of 2 cookies are sent to ${PAGE}`);
  });

  it('a request format without an http(s) page URL says so instead of writing a command', () => {
    render(<ExportPanel cookies={[THEME]} site="" pageUrl="about:blank" onClose={() => {}} />);
    fireEvent.change(format(), { target: { value: 'httpie' } });
    expect(screen.queryByLabelText('Exported text')).toBeNull();
    expect(screen.getByText(/needs the page URL/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Copy' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('warns in one line when the export holds a session-like cookie, and only then', () => {
    const { unmount } = render(<ExportPanel cookies={[THEME]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    expect(screen.queryByTestId('export-warning')).toBeNull();
    unmount();
    render(<ExportPanel cookies={[THEME, SID]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    expect(screen.getByTestId('export-warning').textContent).toMatch(/^Whoever gets this is logged in as you \(session cookies: sessionid\)/);
  });

  it('the curl warning follows the cookies actually sent', () => {
    const offPath = { ...SID, path: '/elsewhere' };
    render(<ExportPanel cookies={[THEME, offPath]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    expect(screen.getByTestId('export-warning')).toBeTruthy();
    fireEvent.change(format(), { target: { value: 'curl' } });
    expect(screen.queryByTestId('export-warning')).toBeNull();
  });

  it('remembers the last format for the next export', async () => {
    const { unmount } = render(<ExportPanel cookies={[THEME]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    fireEvent.change(format(), { target: { value: 'selenium' } });
    unmount();
    render(<ExportPanel cookies={[THEME]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    await waitFor(() => expect(format().value).toBe('selenium'));
    expect(JSON.parse(exported())).toEqual([{ name: 'theme', value: 'dark', domain: 'localhost', path: '/', secure: false, httpOnly: false, sameSite: 'Lax' }]);
  });

  it('copies the text shown', async () => {
    render(<ExportPanel cookies={[THEME]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    fireEvent.change(format(), { target: { value: 'puppeteer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied 1 cookie as Puppeteer setCookie.'));
    expect(copied).toEqual([exported()]);
  });

  it('announces Copied through a live region there from the first render; the shown line is no live region of its own', async () => {
    render(<ExportPanel cookies={[THEME]} site="localhost" pageUrl={PAGE} onClose={() => {}} />);
    const live = screen.getByTestId('live-region');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied 1 cookie as JSON (lossless).'));
    expect(screen.getByTestId('live-region')).toBe(live);
    expect(live.textContent).toBe('Copied 1 cookie as JSON (lossless).');
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('off');
  });
});

describe('Copy as… on an opened row', () => {
  const copyStatus = () => document.querySelector('.copy-as [role="status"]')?.textContent;
  async function openRow(cookies: Cookie[], name: string) {
    const connector = memoryConnector({ url: PAGE, cookies });
    const view = render(<CookieWorkbench connector={connector} />);
    await waitFor(() => expect(view.container.querySelector(`[data-name="${name}"]`)).toBeTruthy());
    fireEvent.click(view.container.querySelector(`[data-name="${name}"] .row-head`) as Element);
    return view;
  }

  it('a menu of every format; choosing one copies that cookie and remembers the choice', async () => {
    await openRow([THEME, SID], 'sessionid');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy as…' }));
    const items = screen.getAllByRole('menuitem').map((b) => b.getAttribute('data-format'));
    expect(items).toEqual(['json', 'netscape', 'header', 'set-cookie', 'playwright', 'puppeteer', 'selenium', 'curl', 'httpie', 'fetch']);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Playwright storageState' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(JSON.parse(copied[0] as string).cookies.map((c: { name: string }) => c.name)).toEqual(['sessionid']);
    expect(copyStatus()).toBe('Copied sessionid as Playwright storageState.');
    expect(screen.getByTestId('export-warning').textContent).toMatch(/logged in as you/);
    expect(screen.queryByRole('menu')).toBeNull();
    // The last choice is one click away, here and in the next export.
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Playwright storageState' }));
    await waitFor(() => expect(copied).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(format().value).toBe('playwright'));
  });

  it('curl for one cookie uses the page URL: a cookie on another path is not sent there', async () => {
    await openRow([THEME, ELSEWHERE], 'other');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy as…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'curl command' }));
    await waitFor(() => expect(copied).toEqual([`curl '${PAGE}'\n`]));
    expect(copyStatus()).toBe('Copied 0 of 1 cookies sent to this page as curl command.');
  });

  it('a clipboard that refuses gives the reason', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: vi.fn(async () => Promise.reject(new Error('Document is not focused.'))) },
    });
    await openRow([THEME], 'theme');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy as…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'JSON (lossless)' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Copy failed: Document is not focused.'));
  });
});
