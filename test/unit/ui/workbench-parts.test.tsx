// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieKey } from '../../../src/model/cookie';
import { DeleteAllDialog } from '../../../src/ui/components/delete-all-dialog';
import { SiteSection } from '../../../src/ui/components/site-section';
import type { RowActions } from '../../../src/ui/components/cookie-group';
import type { SiteSection as Section } from '../../../src/ui/model';
import { makeCookie } from '../fixtures';

afterEach(cleanup);

describe('DeleteAllDialog', () => {
  it('asks with the count and host, and confirms or cancels', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<DeleteAllDialog count={2} host="shop.test" onConfirm={onConfirm} onCancel={onCancel} />);
    const dialog = screen.getByRole('region', { name: 'Confirm delete all' });
    expect(dialog.querySelector('p')?.textContent).toBe('Delete all 2 cookies of shop.test? Undo brings them back.');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete all' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('SiteSection', () => {
  const actions: RowActions = { onToggle: vi.fn(), onEdit: vi.fn(), onDuplicate: vi.fn(), onDelete: vi.fn() };
  const summary = { cookies: 1, counts: { high: 0, medium: 0, low: 0, info: 0 }, score: 100, grade: 'A' as const };
  const cookie = makeCookie({ name: 'ad', domain: 'ads.test' });
  const section = (groups: Section['groups']): Section => ({ site: 'ads.test', label: 'third-party frame', summary, groups });

  it('heads the site with its label, count (singular) and grade, and lists its rows', async () => {
    const key = cookieKey(cookie);
    const { container } = render(
      <SiteSection
        section={section([{ label: 'ads.test /', rows: [{ key, cookie, findings: [] }] }])}
        now={0}
        openKey={key}
        actions={actions}
      />,
    );
    const site = container.querySelector('[data-testid="site-group"]');
    expect(site?.getAttribute('data-site')).toBe('ads.test');
    expect(site?.getAttribute('data-label')).toBe('third-party frame');
    expect(site?.getAttribute('aria-label')).toBe('ads.test (third-party frame)');
    expect(site?.querySelector('.site-count')?.textContent).toBe('1 cookie · grade A');
    const row = container.querySelector('[data-testid="cookie-row"]');
    expect(row?.getAttribute('data-name')).toBe('ad');
    expect(row?.classList.contains('open')).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(actions.onDelete).toHaveBeenCalledWith({ key, cookie, findings: [] });
  });

  it('says when no cookie of the site matches', () => {
    const { container } = render(
      <SiteSection section={{ ...section([]), summary: { ...summary, cookies: 4 } }} now={0} openKey={undefined} actions={actions} />,
    );
    expect(container.querySelector('.site-count')?.textContent).toBe('4 cookies · grade A');
    expect(container.querySelector('p.empty')?.textContent).toBe('No cookie matches.');
  });
});
