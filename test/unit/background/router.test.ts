import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/background/handlers';
import { route } from '../../../src/background/router';

const self = { id: 'abcdef', origin: 'chrome-extension://abcdef/' };
const popup = { id: 'abcdef', url: 'chrome-extension://abcdef/popup/index.html' };
const handlers = {
  'journal/list': async () => ({ entries: [] }),
  'journal/undo': async () => {
    throw new Error('Failed to parse or set cookie named "sid".');
  },
} as unknown as Handlers;

describe('route', () => {
  it("answers the protocol's messages from the extension's own pages, errors as data", async () => {
    expect(await route(handlers, { type: 'journal/list', payload: {} }, popup, self)).toEqual({ ok: true, value: { entries: [] } });
    expect(await route(handlers, { type: 'journal/undo', payload: {} }, popup, self)).toEqual({
      ok: false,
      error: 'Failed to parse or set cookie named "sid".',
    });
  });

  it('leaves alone names the handlers only inherit', () => {
    for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(route(handlers, { type, payload: {} }, popup, self)).toBeUndefined();
    }
  });

  it('leaves alone other extensions, content scripts and web pages', () => {
    const message = { type: 'journal/list', payload: {} };
    expect(route(handlers, message, { id: 'other', url: 'chrome-extension://other/x.html' }, self)).toBeUndefined();
    expect(route(handlers, message, { id: 'abcdef', url: 'https://evil.example/' }, self)).toBeUndefined();
    expect(route(handlers, message, { id: 'abcdef' }, self)).toBeUndefined();
    expect(route(handlers, message, {}, self)).toBeUndefined();
  });

  it('leaves alone anything that is not an envelope', () => {
    expect(route(handlers, 'journal/list', popup, self)).toBeUndefined();
    expect(route(handlers, { type: 'journal/list' }, popup, self)).toBeUndefined();
    expect(route(handlers, null, popup, self)).toBeUndefined();
  });
});
