/** The in-memory store connector (tests and the demo) keeps protected cookies out of bulk changes, as the extension does. */
import { describe, expect, it } from 'vitest';
import { memoryStoreConnector } from '../../../src/ui/connect/memory-store';
import { makeCookie } from '../fixtures';

describe('memoryStoreConnector bulk changes', () => {
  it('keeps protected cookies out of set-expiry and harden unless included', async () => {
    const sid = makeCookie({ name: 'sid', domain: 'example.com', secure: false, httpOnly: false });
    const theme = makeCookie({ name: 'theme', domain: 'example.com', secure: false, httpOnly: false });
    const c = memoryStoreConnector({ cookies: [sid, theme], rules: [{ site: 'example.com', name: 'sid' }] });
    expect(await c.harden([sid, theme])).toEqual({ changed: 1, unchanged: 0, failed: [], protectedKept: 1 });
    expect([...c.jar.values()].map((x) => [x.name, x.secure])).toEqual([
      ['sid', false],
      ['theme', true],
    ]);
    expect(await c.harden([sid], { includeProtected: true })).toEqual({ changed: 1, unchanged: 0, failed: [] });
    const expiry = await c.setExpiry([sid, theme], 2_000_000_000);
    expect(expiry.protectedKept).toBe(1);
    expect([...c.jar.values()].map((x) => [x.name, x.expirationDate])).toEqual([
      ['sid', undefined],
      ['theme', 2_000_000_000],
    ]);
  });
});
