import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../src/messages';
import { makeCookie } from '../fixtures';

const sent: Envelope[] = [];
const listeners: Array<(message: unknown) => void> = [];
let answer: unknown = {};

vi.mock('../../../src/ui/connect/browser-api', () => ({
  browser: {
    runtime: {
      sendMessage: async (envelope: Envelope) => {
        sent.push(envelope);
        return { ok: true, value: answer };
      },
      onMessage: {
        addListener: (l: (message: unknown) => void) => listeners.push(l),
        removeListener: (l: (message: unknown) => void) => listeners.splice(listeners.indexOf(l), 1),
      },
    },
  },
}));

const { storeConnector } = await import('../../../src/ui/connect/store-connector');

beforeEach(() => {
  sent.length = 0;
  answer = {};
});

describe('storeConnector', () => {
  it('sends each action as its protocol message, scoped to the store', async () => {
    const c = storeConnector();
    const cookie = makeCookie({ storeId: 'firefox-container-1' });
    await c.load('firefox-container-1');
    await c.save('firefox-container-1', cookie, { ...cookie, value: 'x' }, { overwrite: true });
    await c.save('firefox-container-1', undefined, cookie);
    await c.check('firefox-container-1', cookie);
    await c.remove([cookie], 'Deleted c');
    await c.remove([cookie], 'Deleted c', { includeProtected: true });
    await c.setExpiry([cookie], 2_000_000_000);
    await c.setExpiry([cookie], undefined);
    await c.harden([cookie]);
    await c.setExpiry([cookie], undefined, { includeProtected: true });
    await c.harden([cookie], { includeProtected: true });
    await c.undo('1', { force: true });
    await c.backup('0');
    await c.previewRestore('0', '{}');
    await c.restore('0', '{}');
    expect(sent).toEqual([
      { type: 'store/cookies', payload: { storeId: 'firefox-container-1' } },
      {
        type: 'cookie/save',
        payload: { storeId: 'firefox-container-1', original: cookie, next: { ...cookie, value: 'x' }, overwrite: true },
      },
      { type: 'cookie/save', payload: { storeId: 'firefox-container-1', next: cookie } },
      { type: 'cookie/check', payload: { storeId: 'firefox-container-1', cookie } },
      { type: 'cookies/delete', payload: { cookies: [cookie], label: 'Deleted c' } },
      { type: 'cookies/delete', payload: { cookies: [cookie], label: 'Deleted c', includeProtected: true } },
      { type: 'cookies/set-expiry', payload: { cookies: [cookie], expirationDate: 2_000_000_000 } },
      { type: 'cookies/set-expiry', payload: { cookies: [cookie] } },
      { type: 'cookies/harden', payload: { cookies: [cookie] } },
      { type: 'cookies/set-expiry', payload: { cookies: [cookie], includeProtected: true } },
      { type: 'cookies/harden', payload: { cookies: [cookie], includeProtected: true } },
      { type: 'journal/undo', payload: { storeId: '1', force: true } },
      { type: 'backup/create', payload: { storeId: '0' } },
      { type: 'backup/preview', payload: { storeId: '0', text: '{}' } },
      { type: 'backup/restore', payload: { storeId: '0', text: '{}' } },
    ]);
  });

  it('unwraps the answers that carry one list or flag', async () => {
    const c = storeConnector();
    answer = { stores: [{ id: '0', kind: 'default', name: 'Normal' }] };
    expect(await c.stores()).toEqual([{ id: '0', kind: 'default', name: 'Normal' }]);
    answer = { rules: [{ site: 'a.test', name: 'x' }] };
    expect(await c.protectRules()).toEqual([{ site: 'a.test', name: 'x' }]);
    expect(await c.setProtection({ add: [{ site: 'a.test', name: 'x' }] })).toEqual([{ site: 'a.test', name: 'x' }]);
    answer = { entries: [] };
    expect(await c.journal('0')).toEqual([]);
    answer = { dropped: true };
    expect(await c.dropUndo('0', 3)).toBe(true);
    answer = { risks: [] };
    expect(await c.evictionRisks([])).toEqual([]);
    expect(sent.map((e) => [e.type, e.payload])).toEqual([
      ['stores/list', {}],
      ['protect/list', {}],
      ['protect/set', { add: [{ site: 'a.test', name: 'x' }] }],
      ['journal/list', { storeId: '0' }],
      ['journal/drop', { storeId: '0', entryId: 3 }],
      ['cookies/eviction-risks', { cookies: [] }],
    ]);
  });

  it('hears cookies-changed broadcasts until unsubscribed', () => {
    const c = storeConnector();
    const heard = vi.fn();
    const stop = c.onChange(heard);
    for (const l of [...listeners]) l({ event: 'cookies-changed' });
    for (const l of [...listeners]) l({ event: 'setcookie-logged', tabId: 1 });
    stop();
    for (const l of [...listeners]) l({ event: 'cookies-changed' });
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
