// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Cookie } from '../../../src/model/cookie';
import { CookieTable } from '../../../src/ui/components/cookie-table';

afterEach(cleanup);

const cookie = (name: string, extra: Partial<Cookie> = {}): Cookie => ({
  name,
  value: 'v',
  domain: 'example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'strict',
  session: true,
  storeId: '0',
  ...extra,
});

describe('CookieTable', () => {
  it('renders one contract row per cookie, same-name cookies on two paths apart', () => {
    const { container } = render(
      <CookieTable
        cookies={[
          cookie('dup'),
          cookie('dup', { path: '/sub' }),
          cookie('p', { partitionKey: { topLevelSite: 'https://example.com' } }),
        ]}
      />,
    );
    const rows = [...container.querySelectorAll('[data-testid="cookie-row"]')];
    expect(rows.map((r) => [r.getAttribute('data-name'), r.getAttribute('data-path')])).toEqual([
      ['dup', '/'],
      ['dup', '/sub'],
      ['p', '/'],
    ]);
    expect(rows[2]?.getAttribute('data-partition')).toBe('https://example.com');
    expect(rows[0]?.hasAttribute('data-partition')).toBe(false);
  });

  it('renders a hostile value as text and never as markup', () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const { container } = render(<CookieTable cookies={[cookie('xss', { value: payload })]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain(payload);
  });

  it('says so when there are no cookies', () => {
    const { container } = render(<CookieTable cookies={[]} />);
    expect(container.textContent).toContain('No cookies');
  });
});
