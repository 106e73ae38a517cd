/**
 * What the background words itself (Undo labels, refusals, warnings, conflicts, store names) comes
 * from the catalogue in the browser's language: here a German browser (the fake's browser.i18n reads
 * the German catalogue), so none of it is the English of the code.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import de_ from '../../../_locales/de/messages.json' with { type: 'json' };
import { type Catalogue, catalogueLookup, formatMsg, type Msg } from '../../../src/i18n/msg';
import { enLookup } from '../en';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

const { fake } = await import('./fake-browser');
const { createHandlers } = await import('../../../src/background/handlers');
const { browserStore } = await import('../../../src/background/store');
const { SetCookieLog } = await import('../../../src/core/set-cookie-log');

const deLookup = catalogueLookup(de_ as Catalogue);
const de = (m: Msg) => formatMsg(m, deLookup, 'de');

function handlers() {
  const log = new SetCookieLog();
  return createHandlers({
    store: browserStore(),
    log: {
      withLog: async (read) => read(log),
      changed: () => {},
      framesNow: (tabId) => log.frames(tabId),
      status: () => ({ recording: true, dropped: 0 }),
      setRecording: async () => {},
    },
  });
}

const cookie = (name: string, value: string) => ({
  name,
  value,
  domain: 'app.example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax' as const,
  session: true,
  storeId: '0',
});

beforeEach(() => {
  fake.reset();
  fake.tabs.set(1, { id: 1, url: 'https://app.example.com/', incognito: false });
  fake.browser.i18n.getMessage = deLookup;
  fake.browser.i18n.getUILanguage = () => 'de';
});

afterEach(() => {
  fake.browser.i18n.getMessage = enLookup;
  fake.browser.i18n.getUILanguage = () => 'en';
});

describe('a German browser', () => {
  it('names the cookie stores in German', async () => {
    fake.extraStores = ['1'];
    expect((await handlers()['stores/list']({})).stores).toEqual([
      { id: '0', kind: 'default', name: 'Standard' },
      { id: '1', kind: 'private', name: 'Inkognito' },
    ]);
  });

  it('labels Undo in German, and says "the rest" once however often Undo is refused', async () => {
    fake.add(cookie('sid', 'original'));
    const h = handlers();
    await h['cookies/import']({ cookies: [cookie('sid', 'new'), cookie('theme', 'dark')] });
    expect((await h['journal/list']({ tabId: 1 })).entries.map((e) => e.label)).toEqual(['2 Cookies importiert']);
    expect((await h['tab/view']({ tabId: 1 })).undoNext).toBe('2 Cookies importiert');

    fake.refuse = (d) => (d.name === 'sid' ? 'nope' : undefined);
    expect((await h['journal/undo']({ tabId: 1 })).problems).toEqual(['sid (app.example.com/): nope']);
    expect((await h['journal/list']({ tabId: 1 })).entries.map((e) => e.label)).toEqual([
      '2 Cookies importiert (der Rest)',
    ]);
    await h['journal/undo']({ tabId: 1 });
    expect((await h['journal/list']({ tabId: 1 })).entries.map((e) => e.label)).toEqual([
      '2 Cookies importiert (der Rest)',
    ]);

    fake.refuse = () => undefined;
    expect((await h['journal/undo']({ tabId: 1 })).undone).toBe('2 Cookies importiert (der Rest)');
    expect(fake.cookies().map((c) => [c.name, c.value])).toEqual([['sid', 'original']]);
  });

  it('labels an edit, and says in German what the site changed since', async () => {
    fake.add(cookie('sid', 'v1'));
    const h = handlers();
    await h['cookie/save']({ tabId: 1, original: cookie('sid', 'v1'), next: cookie('sid', 'v2') });
    expect((await h['journal/list']({ tabId: 1 })).entries[0]?.label).toBe('sid bearbeitet');

    // The site sets the cookie again: the save from a form opened on v1 does not go ahead.
    fake.add(cookie('sid', 'site'));
    const saved = await h['cookie/save']({ tabId: 1, original: cookie('sid', 'v1'), next: cookie('sid', 'mine') });
    expect(saved).toMatchObject({
      conflict: {
        message:
          'sid wurde von der Seite geändert, seit Sie es geöffnet haben (sein Wert ist jetzt „site“). „Speichern“ überschreibt es, „Abbrechen“ behält es.',
      },
    });

    // Undo of the edit meets the site's value: left alone, and kept on the journal for the user.
    const undone = await h['journal/undo']({ tabId: 1 });
    expect(undone.conflicts.map((c) => c.message)).toEqual([
      'sid (app.example.com/) wurde seitdem geändert (sein Wert ist jetzt „site“), deshalb hat „Rückgängig“ es so gelassen.',
    ]);
    expect((await h['journal/list']({ tabId: 1 })).entries[0]?.label).toBe('sid bearbeitet (seitdem geändert)');
  });

  it("words the browser's refusal and the cause Cookie Lens sees in German", async () => {
    fake.refuse = (d) => (d.name === 'bad' ? 'Failed to parse or set cookie named "bad".' : undefined);
    const outcome = await handlers()['cookies/import']({ cookies: [cookie('bad', '1'), cookie('good', '2')] });
    expect(outcome.failed.map((f) => f.reason)).toEqual([
      'Chrome hat das Cookie abgelehnt: Failed to parse or set cookie named "bad".',
    ]);
  });

  it('refuses a bulk change in German', async () => {
    await expect(
      handlers()['cookies/set-expiry']({ cookies: [cookie('sid', 'v1')], expirationDate: 1, includeProtected: true }),
    ).rejects.toThrow(/^Nichts wurde geändert: dieses Ablaufdatum liegt in der Vergangenheit/);
  });

  it("gives a save's likely refusal as a message the page words", async () => {
    const { refusal } = await handlers()['cookie/check']({ tabId: 1, cookie: cookie('', '') });
    expect(refusal).toEqual({ id: 'bg_needs_name_or_value' });
    expect(refusal && de(refusal)).toBe('Ein Cookie braucht einen Namen oder einen Wert.');
  });

  it("words a prefix's missing requirements in the reader's language, not the code's English", async () => {
    const host = { ...cookie('__Host-sid', 'v'), secure: false, hostOnly: false, domain: '.example.com' };
    const { refusal } = await handlers()['cookie/check']({ tabId: 1, cookie: host });
    expect(refusal && de(refusal)).toBe(
      'Browser lehnen dieses Cookie mit dem Präfix „__Host-“ ab; Voraussetzung: Secure, kein Domain-Attribut. Keine Seite könnte es setzen.',
    );
    expect(refusal && formatMsg(refusal, enLookup, 'en')).toContain('Secure, no Domain attribute');
  });
});
