// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainResponse, scriptEntry } from '../../../src/core/set-cookie-log';
import type { Cookie } from '../../../src/model/cookie';
import type { SetCookieEntry } from '../../../src/model/set-cookie-entry';
import { DevtoolsPanel } from '../../../src/ui/components/devtools-panel';
import { SetCookieLogView } from '../../../src/ui/components/set-cookie-log-view';
import { memoryConnector, memoryLogSource } from '../../../src/ui/connect/memory';
import { filterEntries, originLabel } from '../../../src/ui/set-cookie-filter';
import { makeCookie } from '../fixtures';

afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 26, 12);
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

function ids() {
  let n = 1;
  return () => n++;
}

/** Real explained entries, as the background would log them. */
function sampleEntries(): SetCookieEntry[] {
  const next = ids();
  const base = { tabId: 1, time: NOW, browser: 'chrome' as const, storeId: '0' };
  return [
    ...explainResponse(
      ['username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/'],
      { ...base, requestUrl: 'http://localhost/setcookie', status: 200, frameType: 'main_frame', topLevelUrl: 'http://localhost/setcookie' },
      [],
      next,
    ),
    ...explainResponse(
      ['hop1=1; Secure; SameSite=Lax; Path=/', `evil=${HOSTILE}; Secure; SameSite=Laxx; Path=/`],
      { ...base, requestUrl: 'https://localhost/redirect/start', status: 302, frameType: 'main_frame', topLevelUrl: 'https://localhost/' },
      [],
      next,
    ),
    ...explainResponse(
      ['tp_lax=1; Secure; SameSite=Lax; Path=/'],
      { ...base, requestUrl: 'https://127.0.0.1/frame', status: 200, frameType: 'sub_frame', topLevelUrl: 'https://localhost/' },
      [],
      next,
    ),
    scriptEntry(cookie('js_theme'), { tabId: 1, time: NOW, pageUrl: 'https://localhost/', replaced: false }, next()),
  ];
}

function cookie(name: string, extra: Partial<Cookie> = {}): Cookie {
  return makeCookie({ name, value: '1', secure: true, sameSite: 'lax', ...extra });
}

const entries = (c: Element) => [...c.querySelectorAll('[data-testid="setcookie-entry"]')];
const names = (c: Element) => entries(c).map((e) => e.getAttribute('data-name'));

describe('SetCookieLogView', () => {
  it('renders a long log in order: the first entries at once, every entry right after', async () => {
    const next = ids();
    const base = sampleEntries()[1] as SetCookieEntry;
    const many = Array.from({ length: 70 }, (_, i) => ({ ...base, id: next(), name: `n${String(i).padStart(2, '0')}` }));
    const { container } = render(<SetCookieLogView source={memoryLogSource(many)} />);
    await waitFor(() => expect(entries(container).length).toBeGreaterThan(0));
    expect(entries(container).length).toBeLessThan(many.length);
    await waitFor(() => expect(names(container)).toEqual(many.map((e) => e.name)));
  });

  it('renders no entry while hidden and never shown, then every entry, kept when hidden again', async () => {
    const source = memoryLogSource(sampleEntries());
    const { container, rerender } = render(<SetCookieLogView source={source} shown={false} />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('5 of 5 headers'));
    expect(entries(container)).toHaveLength(0);
    rerender(<SetCookieLogView source={source} shown />);
    expect(entries(container)).toHaveLength(5);
    rerender(<SetCookieLogView source={source} shown={false} />);
    expect(entries(container)).toHaveLength(5);
  });

  it('shows one entry per header with the testing contract: name, verdict, reason when rejected', async () => {
    const { container } = render(<SetCookieLogView source={memoryLogSource(sampleEntries())} />);
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const attrs = entries(container).map((e) => [e.getAttribute('data-name'), e.getAttribute('data-verdict'), e.getAttribute('data-reason')]);
    expect(attrs).toEqual([
      ['username', 'deleted', null],
      ['hop1', 'stored', null],
      ['evil', 'stored', null],
      ['tp_lax', 'rejected', 'samesite-cross-site'],
      ['js_theme', 'stored', null],
    ]);
  });

  it('shows the request, status, raw header, parsed attributes, message, hint and header notes', async () => {
    const { container } = render(<SetCookieLogView source={memoryLogSource(sampleEntries())} />);
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const username = container.querySelector('[data-name="username"]');
    const text = username?.textContent ?? '';
    expect(text).toContain('http://localhost/setcookie');
    expect(text).toContain('200 page');
    expect(username?.querySelector('.raw-header')?.textContent).toBe(
      'Set-Cookie: username=JohnDoe; Expires=Thu, 01 Jan 1970 01:00:00 GMT; Path=/',
    );
    expect(text).toContain('is in the past');
    expect(username?.querySelector('.entry-hint')?.textContent).toContain('Max-Age=3600');
    expect(username?.querySelector('[data-note="expires-near-epoch"]')).not.toBeNull();
    // The header is not repeated as chips: what the browser ignores is struck through in the header itself.
    expect(username?.querySelector('.entry-attributes')).toBeNull();
    expect(username?.querySelectorAll('.raw-header .ignored')).toHaveLength(0);
    expect(container.querySelectorAll('[data-name="evil"] .raw-header .ignored')).toHaveLength(0);
    expect(container.querySelector('[data-name="hop1"]')?.textContent).toContain('302 redirect page');
    expect(container.querySelector('[data-name="evil"] [data-note]')?.textContent).toMatch(/SameSite/);
    const script = container.querySelector('[data-name="js_theme"]');
    expect(script?.getAttribute('data-source')).toBe('script');
    expect(script?.textContent).toContain('Set by script (document.cookie) or another extension');
  });

  it('renders hostile header values as text and runs nothing', async () => {
    const { container } = render(<SetCookieLogView source={memoryLogSource(sampleEntries())} />);
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-name="evil"] .raw-header')?.textContent).toContain(HOSTILE);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('filters by cookie name and by verdict', async () => {
    const { container } = render(<SetCookieLogView source={memoryLogSource(sampleEntries())} />);
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    fireEvent.input(screen.getByLabelText('Filter by name'), { target: { value: 'HOP' } });
    expect(names(container)).toEqual(['hop1']);
    fireEvent.input(screen.getByLabelText('Filter by name'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Verdict'), { target: { value: 'rejected' } });
    expect(names(container)).toEqual(['tp_lax']);
    fireEvent.change(screen.getByLabelText('Verdict'), { target: { value: 'deleted' } });
    expect(names(container)).toEqual(['username']);
    expect(screen.getByRole('status').textContent).toBe('1 of 5 headers');
  });

  it('clears, toggles "Preserve log", and shows new entries live', async () => {
    const source = memoryLogSource(sampleEntries());
    const { container } = render(<SetCookieLogView source={source} />);
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    fireEvent.click(screen.getByLabelText('Preserve log'));
    await waitFor(() => expect(source.state.preserve).toBe(true));
    expect((screen.getByLabelText('Preserve log') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(entries(container)).toHaveLength(0));
    expect(container.textContent).toContain('No Set-Cookie header yet');
    source.push(scriptEntry(cookie('late'), { tabId: 1, time: NOW, pageUrl: 'https://localhost/', replaced: true }, 99));
    await waitFor(() => expect(names(container)).toEqual(['late']));
    expect(container.querySelector('[data-name="late"]')?.getAttribute('data-verdict')).toBe('replaced');
  });

  it('selecting an entry reports it; "Show cookie" only where the cookie exists', async () => {
    const onSelect = vi.fn();
    const { container } = render(
      <SetCookieLogView source={memoryLogSource(sampleEntries())} cookieShown={(e) => e.name === 'hop1'} onSelect={onSelect} />,
    );
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    expect(screen.getAllByRole('button', { name: 'Show cookie' })).toHaveLength(1);
    fireEvent.click(container.querySelector('[data-name="username"] .entry-head') as Element);
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'username' }));
    expect(container.querySelector('[data-name="username"]')?.classList.contains('selected')).toBe(true);
  });
});

describe('log view logic', () => {
  it('filters and labels entries', () => {
    const all = sampleEntries();
    expect(filterEntries(all, { name: 'H', verdict: 'stored' }).map((e) => e.name)).toEqual(['hop1', 'js_theme']);
    expect(originLabel({ source: 'header', status: 307, frameType: 'other' })).toBe('307 redirect subresource');
    expect(originLabel({ source: 'script', status: 0, frameType: 'other' })).toBe('script');
  });
});

describe('DevtoolsPanel', () => {
  function setup() {
    const cookies = [
      cookie('hop1'),
      cookie('top_pref'),
      cookie('tp_chip', { domain: '127.0.0.1', sameSite: 'none', partitionKey: { topLevelSite: 'https://localhost' } }),
    ];
    const connector = memoryConnector({
      url: 'https://localhost/frames/third-party',
      cookies,
      sites: [
        { site: 'localhost', label: 'top-level', domains: ['localhost'] },
        { site: '127.0.0.1', label: 'third-party frame', domains: ['127.0.0.1'] },
      ],
    });
    const source = memoryLogSource(sampleEntries());
    const view = render(<DevtoolsPanel connector={connector} logSource={source} />);
    return { connector, source, ...view };
  }

  it('has two tabs named "Cookies" and "Set-Cookie log", and groups cookies by site', async () => {
    const { container } = setup();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Cookies', 'Set-Cookie log']);
    expect(screen.getByRole('tablist')).toBeTruthy();
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(container.querySelectorAll('[data-testid="site-group"]')).toHaveLength(2));
    const groups = [...container.querySelectorAll('[data-testid="site-group"]')].map((g) => ({
      heading: g.querySelector('h2')?.textContent,
      rows: [...g.querySelectorAll('[data-testid="cookie-row"]')].map((r) => r.getAttribute('data-name')),
    }));
    expect(groups).toEqual([
      { heading: 'localhost top-level 2 cookies · grade A', rows: ['hop1', 'top_pref'] },
      { heading: '127.0.0.1 third-party frame 1 cookie · grade A', rows: ['tp_chip'] },
    ]);
    fireEvent.click(screen.getByRole('tab', { name: 'Set-Cookie log' }));
    expect(screen.getByRole('tab', { name: 'Set-Cookie log' }).getAttribute('aria-selected')).toBe('true');
    expect((container.querySelector('#view-cookies') as HTMLElement).hidden).toBe(true);
  });

  it('jumps from a log entry to the cookie it produced, and back to its headers', async () => {
    const { container } = setup();
    await waitFor(() => expect(container.querySelectorAll('[data-testid="cookie-row"]')).toHaveLength(3));
    fireEvent.click(screen.getByRole('tab', { name: 'Set-Cookie log' }));
    // A deleted cookie does not exist: selecting it stays in the log.
    fireEvent.click(container.querySelector('[data-name="username"] .entry-head') as Element);
    expect(screen.getByRole('tab', { name: 'Set-Cookie log' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(container.querySelector('[data-testid="setcookie-entry"][data-name="hop1"] .entry-head') as Element);
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Cookies' }).getAttribute('aria-selected')).toBe('true'));
    const row = container.querySelector('[data-testid="cookie-row"][data-name="hop1"]');
    await waitFor(() => expect(row?.querySelector('.row-head')?.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.click(await screen.findByRole('button', { name: 'Show Set-Cookie headers' }));
    expect(screen.getByRole('tab', { name: 'Set-Cookie log' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(names(container)).toEqual(['hop1']));
    expect((screen.getByLabelText('Filter by name') as HTMLInputElement).value).toBe('hop1');
  });

  it('keeps the popup unchanged: no site sections and no "Show Set-Cookie headers" without the panel', async () => {
    const { CookieWorkbench } = await import('../../../src/ui/components/cookie-workbench');
    const connector = memoryConnector({ url: 'https://localhost/', cookies: [cookie('a')] });
    const { container } = render(<CookieWorkbench connector={connector} />);
    await waitFor(() => expect(container.querySelectorAll('[data-testid="cookie-row"]')).toHaveLength(1));
    expect(container.querySelector('[data-testid="site-group"]')).toBeNull();
    fireEvent.click(container.querySelector('.row-head') as Element);
    expect(screen.queryByRole('button', { name: 'Show Set-Cookie headers' })).toBeNull();
  });
});
