// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../../../src/core/audit';
import { type Cookie, cookieKey } from '../../../../src/model/cookie';
import { ManagerPage } from '../../../../src/ui/components/manager/manager-page';
import { memoryStoreConnector } from '../../../../src/ui/connect/memory-store';
import type { StoreInfo } from '../../../../src/messages';
import { makeCookie } from '../../fixtures';

afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 26);
const site = (n: number) => `site${String(n).padStart(3, '0')}-x.test`;

/** `perSite` cookies on each of `sites` sites: c000..., half of them Secure. */
function jar(sites: number, perSite: number, extra: Partial<Cookie> = {}): Cookie[] {
  const out: Cookie[] = [];
  for (let s = 0; s < sites; s++) {
    for (let c = 0; c < perSite; c++) {
      out.push(
        makeCookie({
          name: `c${String(c).padStart(3, '0')}`,
          value: `v${s}-${c}`,
          domain: site(s),
          secure: c % 2 === 0,
          ...extra,
        }),
      );
    }
  }
  return out;
}

function setup(cookies: Cookie[], options: { stores?: StoreInfo[]; storeId?: string } = {}) {
  const connector = memoryStoreConnector({
    cookies,
    audit: (list) => audit(list, { pageUrl: 'https://example.test/', now: NOW }),
    ...(options.stores ? { stores: options.stores } : {}),
  });
  const view = render(<ManagerPage connector={connector} storeId={options.storeId ?? '0'} />);
  return { connector, ...view };
}

const rows = (c: Element) => [...c.querySelectorAll('[data-testid="cookie-row"]')];
const names = (c: Element) => rows(c).map((r) => `${r.getAttribute('data-domain')} ${r.getAttribute('data-name')}`);
const scroller = (c: Element) => c.querySelector('.mlist') as HTMLDivElement;
const search = (text: string) => fireEvent.input(screen.getByLabelText('Search'), { target: { value: text } });
const checkbox = (c: Element, domain: string, name: string) =>
  c
    .querySelector(`[data-testid="cookie-row"][data-domain="${domain}"][data-name="${name}"]`)
    ?.closest('.mrow')
    ?.querySelector('input.select') as HTMLInputElement;

describe('ManagerPage', () => {
  it('renders only a window of rows at 3,300 cookies, with site groups carrying count, size and grade', async () => {
    const { container } = setup(jar(100, 33));
    await waitFor(() => expect(rows(container).length).toBeGreaterThan(0));
    // 600 px of 26 px rows plus the overscan: far fewer than 3,300.
    expect(rows(container).length).toBeLessThan(60);
    const first = container.querySelector(`[data-testid="site-group"][data-site="${site(0)}"]`);
    expect(first?.getAttribute('data-count')).toBe('33');
    expect(first?.getAttribute('data-grade')).toMatch(/^[A-F]$/);
    expect(first?.querySelector('[data-testid="cookie-row"][data-name="c000"]')?.getAttribute('data-path')).toBe('/');
    // The whole list is as tall as every item.
    expect(container.querySelector('.mlist-inner')?.getAttribute('style')).toContain(
      `height: ${100 * 30 + 3300 * 26}px`,
    );
    expect(screen.getByTestId('shown-count').textContent).toBe('3,300 cookies');
  });

  it('search reaches any cookie: text, name:, regex and rule:, and an invalid query says why without a crash', async () => {
    const { container } = setup([
      ...jar(100, 33),
      makeCookie({ name: 'needle', value: 'x', domain: 'zz-last.test', secure: true, httpOnly: true, sameSite: 'lax' }),
    ]);
    await waitFor(() => expect(rows(container).length).toBeGreaterThan(0));
    search('needle');
    expect(names(container)).toEqual(['zz-last.test needle']);
    search('name:c032 domain:site09');
    expect(names(container)).toEqual(Array.from({ length: 10 }, (_, i) => `site09${i}-x.test c032`));
    expect(screen.getByTestId('shown-count').textContent).toBe('10 of 3,301 cookies');
    search('/^c03[01]$/ domain:site000');
    expect(names(container)).toEqual([`${site(0)} c030`, `${site(0)} c031`]);
    search('rule:missing-secure domain:site001-');
    expect(names(container)).toHaveLength(16);
    search('/[unclosed');
    expect(screen.getByRole('alert').textContent).toMatch(/./);
    // The last valid query's rows stay.
    expect(names(container)).toHaveLength(16);
  });

  it('filters by flags and size and orders the weakest sites first', async () => {
    const big = makeCookie({
      name: 'big',
      value: 'x'.repeat(1500),
      domain: 'b.test',
      secure: true,
      httpOnly: true,
      sameSite: 'strict',
    });
    const weak = makeCookie({ name: 'sid', value: 'abc', domain: 'weak.test', sameSite: 'none' });
    const { container } = setup([
      big,
      weak,
      makeCookie({
        name: 'ok',
        domain: 'a.test',
        secure: true,
        httpOnly: true,
        sameSite: 'lax',
        session: false,
        expirationDate: NOW / 1000 + 3600,
      }),
    ]);
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    const sites = () =>
      [...container.querySelectorAll('[data-testid="site-group"]')].map((g) => g.getAttribute('data-site'));
    expect(sites()).toEqual(['a.test', 'b.test', 'weak.test']);
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'weakest' } });
    expect(sites()[0]).toBe('weak.test');
    fireEvent.change(screen.getByLabelText('Size'), { target: { value: '1024' } });
    expect(names(container)).toEqual(['b.test big']);
    fireEvent.change(screen.getByLabelText('Size'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Flags'), { target: { value: 'not-secure' } });
    expect(names(container)).toEqual(['weak.test sid']);
  });

  it('shift-click selects a range; bulk delete is one step that Undo brings back identically, and the selection goes with it', async () => {
    const cookies = jar(2, 10);
    const { container, connector } = setup(cookies);
    await waitFor(() => expect(rows(container).length).toBe(20));
    fireEvent.click(checkbox(container, site(0), 'c002'));
    fireEvent.click(checkbox(container, site(1), 'c001'), { shiftKey: true });
    // c002..c009 of the first site and c000, c001 of the second.
    expect(screen.getByTestId('selected-count').textContent).toBe('10 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(rows(container)).toHaveLength(10));
    expect(screen.getByRole('status').textContent).toContain('Deleted 10 cookies');
    await waitFor(() => expect(screen.getByTestId('selected-count').textContent).toBe('0 selected'));
    fireEvent.click(screen.getByRole('button', { name: /^Undo: / }));
    await waitFor(() => expect(rows(container)).toHaveLength(20));
    const byKey = (list: Cookie[]) => [...list].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));
    expect(byKey([...connector.jar.values()])).toEqual(byKey(cookies));
  });

  it('Select all selects every search result; bulk delete keeps protected cookies and says how many', async () => {
    const { container, connector } = setup(jar(3, 4), {});
    await connector.setProtection({ add: [{ site: site(1), name: 'c00*' }] });
    await waitFor(() => expect(container.querySelectorAll('[data-testid="lock"]')).toHaveLength(4));
    search('c001');
    fireEvent.click(screen.getByRole('button', { name: 'Select all' }));
    expect(screen.getByTestId('selected-count').textContent).toBe('3 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Kept 1 cookie that is protected'));
    expect([...connector.jar.values()].filter((c) => c.name === 'c001').map((c) => c.domain)).toEqual([site(1)]);
  });

  it("a protected cookie's row says so in its accessible name, as the popup's row does (the lock beside it is not heard)", async () => {
    const { container, connector } = setup(jar(2, 2), {});
    await connector.setProtection({ add: [{ site: site(1), name: 'c001' }] });
    await waitFor(() => expect(container.querySelectorAll('[data-testid="lock"]')).toHaveLength(1));
    const heads = [...container.querySelectorAll('.mrow .row-head')].map((b) => b.getAttribute('aria-label') ?? '');
    expect(heads.filter((name) => name.includes('protected'))).toEqual([expect.stringMatching(/^c001, protected, /)]);
    expect(heads).toHaveLength(4);
    const lockedRow = container.querySelector('.mrow[data-protected="true"] .row-head');
    expect(screen.getByRole('button', { name: lockedRow?.getAttribute('aria-label') ?? '-' })).toBe(lockedRow);
  });

  it('a bulk action acts on the selected rows the search shows, never on a selection it hides', async () => {
    const { container, connector } = setup(jar(2, 3));
    await waitFor(() => expect(rows(container).length).toBe(6));
    fireEvent.click(screen.getByRole('button', { name: 'Select all' }));
    expect(screen.getByTestId('selected-count').textContent).toBe('6 selected');
    search('c001');
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    expect(screen.getByTestId('selected-count').textContent).toBe('2 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Deleted 2 cookies'));
    expect([...connector.jar.values()].map((c) => c.name).sort()).toEqual(['c000', 'c000', 'c002', 'c002']);
  });

  it("a site group listing another site's partitioned cookies says its rules do not cover them, and opens that site's names", async () => {
    const chip = makeCookie({
      name: 'chip',
      domain: 'widget.test',
      sameSite: 'none',
      secure: true,
      partitionKey: { topLevelSite: 'https://news.test' },
    });
    const { container, connector } = setup([makeCookie({ name: 'n', domain: 'news.test' }), chip]);
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Protect names on news.test' }));
    const note = await screen.findByTestId('pattern-other-sites');
    expect(note.textContent).toContain('other sites set are not covered');
    fireEvent.click(screen.getByRole('button', { name: 'Protect names on widget.test' }));
    const dialog = await screen.findByRole('dialog', { name: 'Protected names on widget.test' });
    expect(screen.queryByTestId('pattern-other-sites')).toBeNull();
    fireEvent.input(within(dialog).getByLabelText('Name pattern'), { target: { value: 'ch*' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Protect' }));
    const lockOf = (name: string) =>
      container
        .querySelector(`[data-testid="cookie-row"][data-name="${name}"]`)
        ?.closest('.mrow')
        ?.querySelector('[data-testid="lock"]');
    await waitFor(() => expect(lockOf('chip')).toBeTruthy());
    expect(lockOf('n')).toBeFalsy();
    expect(await connector.protectRules()).toEqual([{ site: 'widget.test', name: 'ch*' }]);
  });

  it('editing a protected cookie asks to confirm first', async () => {
    const { container, connector } = setup(jar(1, 2));
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    const protectButton = container.querySelector('.mrow .protect') as HTMLButtonElement;
    expect(protectButton.textContent).toBe('Protect');
    fireEvent.click(protectButton);
    await waitFor(() => expect(connector.rules).toEqual([{ site: site(0), name: 'c000' }]));
    await waitFor(() => expect(container.querySelector('.mrow .protect')?.textContent).toBe('Unprotect'));
    fireEvent.click(container.querySelector('.row-head') as Element);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('dialog').textContent).toContain('is protected');
    expect(screen.queryByLabelText('Value')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(screen.getByLabelText('Value')).toBeTruthy());
    fireEvent.keyDown(screen.getByLabelText('Value'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(container.querySelector('.mrow .protect') as Element);
    await waitFor(() => expect(connector.rules).toEqual([]));
  });

  it('restore previews first; a truncated backup lists its errors, disables Confirm and changes nothing', async () => {
    const cookies = jar(2, 3);
    const { container, connector } = setup(cookies);
    await waitFor(() => expect(rows(container)).toHaveLength(6));
    const { text } = await connector.backup('0');
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    const input = screen.getByLabelText('Backup file') as HTMLInputElement;
    const file = (content: string) => new File([content], 'backup.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file(text.slice(0, text.length / 2))] } });
    await waitFor(() => expect(screen.getAllByTestId('restore-error').length).toBeGreaterThan(0));
    expect((screen.getByRole('button', { name: 'Confirm' }) as HTMLButtonElement).disabled).toBe(true);
    expect(connector.jar.size).toBe(6);
    // A good backup after a wipe: new cookies listed, Confirm writes them.
    await connector.remove([...connector.jar.values()], 'wipe');
    fireEvent.change(input, { target: { files: [file(text)] } });
    await waitFor(() => expect(screen.getAllByTestId('restore-new')).toHaveLength(6));
    const confirm = screen.getByRole('button', { name: 'Confirm' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByTestId('restore-outcome').textContent).toContain('Restored 6 cookies'));
    expect(connector.jar.size).toBe(6);
  });

  it('Esc closes a dialog and gives focus back to the button that opened it', async () => {
    const { container } = setup(jar(1, 2));
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    const restore = screen.getByRole('button', { name: 'Restore' });
    restore.focus();
    fireEvent.click(restore);
    const dialog = screen.getByRole('dialog', { name: 'Restore a backup' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(restore);
  });

  it('a search updates the rows already in the DOM in place rather than building new ones', async () => {
    const { container } = setup(jar(100, 3));
    await waitFor(() => expect(rows(container).length).toBeGreaterThan(0));
    const sectionsBefore = [...container.querySelectorAll('[data-testid="site-group"]')];
    const rowsBefore = [...container.querySelectorAll('.mrow')];
    expect(sectionsBefore.map((g) => g.getAttribute('data-site'))).not.toContain(site(50));
    search('domain:site050');
    expect(names(container)).toEqual([`${site(50)} c000`, `${site(50)} c001`, `${site(50)} c002`]);
    // The first section and its rows were on screen before, showing site000's cookies.
    const section = container.querySelector('[data-testid="site-group"]');
    expect(section?.getAttribute('data-site')).toBe(site(50));
    expect(section).toBe(sectionsBefore[0]);
    expect([...container.querySelectorAll('.mrow')]).toEqual(rowsBefore.slice(0, 3));
  });

  it('focus stays on its cookie when the list changes under it', async () => {
    const { container } = setup(jar(3, 4));
    await waitFor(() => expect(rows(container)).toHaveLength(12));
    const head = (domain: string, name: string) =>
      container.querySelector(`[data-testid="cookie-row"][data-domain="${domain}"][data-name="${name}"] .row-head`);
    (head(site(1), 'c002') as HTMLElement).focus();
    // Fewer rows above it: its cookie moves up to another place in the list.
    search('-domain:site000');
    expect(names(container)[0]).toBe(`${site(1)} c000`);
    expect(document.activeElement).toBe(head(site(1), 'c002'));
    expect(document.activeElement?.closest('[data-testid="cookie-row"]')?.getAttribute('data-name')).toBe('c002');
  });

  it('keeps the first visible row in place when cookies above it are deleted by a live update', async () => {
    const { container, connector } = setup(jar(10, 30));
    await waitFor(() => expect(rows(container).length).toBeGreaterThan(0));
    const list = scroller(container);
    // Scroll to site 5's row c010: 5 sites of (30 + 30 * 26) above it, its header, ten rows.
    const target = 5 * (30 + 30 * 26) + 30 + 10 * 26;
    list.scrollTop = target;
    fireEvent.scroll(list);
    await waitFor(() => expect(names(container)).toContain(`${site(5)} c010`));
    // Someone deletes all of site 1 and half of site 2 (both above the view).
    const gone = [...connector.jar.values()].filter(
      (c) => c.domain === site(1) || (c.domain === site(2) && c.name < 'c015'),
    );
    await connector.remove(gone, 'elsewhere');
    await waitFor(() => expect(rows(container).some((r) => r.getAttribute('data-domain') === site(1))).toBe(false), {
      timeout: 3000,
    });
    await waitFor(() => expect(list.scrollTop).toBe(target - (30 + 30 * 26) - 15 * 26));
    expect(names(container)).toContain(`${site(5)} c010`);
  });

  it('switches stores and shows only that store’s cookies', async () => {
    const stores: StoreInfo[] = [
      { id: 'firefox-default', kind: 'default', name: 'Normal' },
      { id: 'firefox-container-1', kind: 'container', name: 'Work', color: '#37adff' },
    ];
    const cookies = [
      makeCookie({ name: 'home', domain: 'a.test', storeId: 'firefox-default' }),
      makeCookie({ name: 'work', domain: 'a.test', storeId: 'firefox-container-1' }),
    ];
    const { container } = setup(cookies, { stores, storeId: 'firefox-default' });
    await waitFor(() => expect(names(container)).toEqual(['a.test home']));
    fireEvent.click(screen.getByRole('button', { name: 'Work' }));
    await waitFor(() => expect(names(container)).toEqual(['a.test work']));
    expect(screen.getByRole('button', { name: 'Work' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('rows that look alike', () => {
  it('a domain cookie and a host-only one of the same name show their domain and path where they differ from the site', async () => {
    const { container } = setup([
      makeCookie({ name: 'sid', value: 'host', domain: site(1) }),
      makeCookie({ name: 'sid', value: 'domain', domain: `.${site(1)}`, hostOnly: false }),
      makeCookie({ name: 'sid', value: 'www', domain: `www.${site(1)}`, path: '/app' }),
    ]);
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    const places = [...container.querySelectorAll('.mrow')].map((r) => [
      r.querySelector('[data-testid="cookie-row"]')?.getAttribute('data-domain'),
      r.querySelector('[data-testid="row-place"]')?.textContent ?? '',
    ]);
    expect(places.sort()).toEqual([
      [`.${site(1)}`, `.${site(1)}`],
      [site(1), ''],
      [`www.${site(1)}`, `www.${site(1)} /app`],
    ]);
  });
});
