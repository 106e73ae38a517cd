/**
 * The core's errors are messages, so a German page words them in German: imports, backups, the
 * manager's search, protection rules, and the log's mark on a header it cut short (issue 16).
 */
import { afterEach, describe, expect, it } from 'vitest';
import de_ from '../../../_locales/de/messages.json' with { type: 'json' };
import { parseBackup } from '../../../src/core/formats/backup';
import { importCookies, MAX_IMPORT_ROWS } from '../../../src/core/formats/index';
import { readRule, readRules } from '../../../src/core/protect';
import { parseQuery } from '../../../src/core/search';
import { type Catalogue, catalogueLookup, formatMsg, type MsgLike } from '../../../src/i18n/msg';
import { setWording } from '../../../src/ui/i18n';
import { cutMark } from '../../../src/ui/set-cookie-filter';
import { en, enLookup } from '../en';

const deLookup = catalogueLookup(de_ as Catalogue);
const de = (m: MsgLike) => formatMsg(m, deLookup, 'de');

const backupErrors = (text: string) => {
  const parsed = parseBackup(text);
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors;
};

const backup = (change: (doc: Record<string, unknown>) => void) => {
  const doc: Record<string, unknown> = {
    format: 'cookie-lens-backup',
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    browser: 'chrome',
    store: { id: '0', kind: 'default', name: 'Normal' },
    cookies: [],
    protected: [],
  };
  change(doc);
  return JSON.stringify(doc);
};

describe('core errors in German', () => {
  afterEach(() => setWording(enLookup, 'en'));

  it('words an import row error, with where it is', () => {
    const [error] = importCookies('example.com\tMAYBE\t/\tFALSE\t0\ta\t1').errors;
    if (!error) throw new Error('expected an error');
    expect(en(error.where)).toBe('line 1');
    expect(de(error.where)).toBe('Zeile 1');
    expect(en(error.reason)).toBe('include-subdomains must be TRUE or FALSE, not "MAYBE"');
    expect(de(error.reason)).toBe('include-subdomains muss TRUE oder FALSE sein, nicht „MAYBE“');
    const json = importCookies('[{"name":"sid","value":"a;b","domain":"example.com"}]').errors[0];
    expect(json && de(json.where)).toBe('Eintrag 1 ("sid")');
    expect(json && de(json.reason)).toBe('der Wert enthält „;“');
  });

  it('groups the digits of counts as the reader does', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `c${i}=v`).join('; ');
    const [tooMany] = importCookies(rows, { defaultDomain: 'example.com' }).errors;
    expect(tooMany && en(tooMany.reason)).toBe(
      'more than 10,000 cookies: split the text and import the parts one at a time',
    );
    expect(tooMany && de(tooMany.reason)).toBe(
      'mehr als 10.000 Cookies: Teilen Sie den Text auf und importieren Sie die Teile einzeln',
    );
    const many = backupErrors(backup((d) => (d.cookies = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({})))));
    expect(many.map(de)).toEqual([
      'Die Sicherung enthält 10.001 Cookies, mehr als die 10.000, die Cookie Lens auf einmal wiederherstellt.',
    ]);
  });

  it('words backup errors: cut short, bad rows, and how many more there are', () => {
    const text = backup((d) => (d.cookies = [{ name: 'x' }]));
    expect(backupErrors(text.slice(0, 40)).map(de)).toEqual([
      'Die Datei endet zu früh: Sie wurde abgeschnitten (ein unvollständiger Download oder eine unvollständige Kopie?). Es wurde nichts daraus gelesen.',
    ]);
    expect(backupErrors(text).map(de)).toEqual(['Cookie Nr. 1 ("x"): „value“ fehlt']);
    expect(backupErrors(backup((d) => (d.version = 2))).map(de)).toEqual([
      'Diese Sicherung hat Version 2 und stammt von einem neueren Cookie Lens; dieses liest Version 1. Aktualisieren Sie Cookie Lens, um sie wiederherzustellen.',
    ]);
    const bad = backupErrors(backup((d) => (d.cookies = Array.from({ length: 101 }, () => 7))));
    expect(de(bad.at(-1) ?? 'text')).toBe('…und 1 weiteres Problem.');
    expect(en(bad.at(-1) ?? 'text')).toBe('…and 1 more problem.');
    expect(backupErrors(backup((d) => (d.protected = [{ site: '', name: 'a' }]))).map(de)).toEqual([
      'Schutzregel 1: „site“ ist leer',
    ]);
  });

  it('words search errors and protection rule errors', () => {
    const slow = parseQuery('/(a+)*/');
    expect(slow.ok).toBe(false);
    if (!slow.ok)
      expect(de(slow.error)).toBe(
        'Dieses Muster könnte bei manchen Werten sehr lange brauchen (eine wiederholte Gruppe, die selbst etwas wiederholt); vereinfachen Sie es.',
      );
    const open = parseQuery('name:/abc');
    if (!open.ok) expect(de(open.error)).toMatch(/^Der reguläre Ausdruck \/abc ist nicht geschlossen: /);
    expect(open.ok).toBe(false);
    const rule = readRule({ site: 'a.test', name: 'a;b' });
    expect(typeof rule === 'object' && 'id' in rule && de(rule)).toBe(
      '„name“ darf keine Steuerzeichen, „;“ oder „=“ enthalten: "a;b"',
    );
    expect(readRules([null]).errors.map(de)).toEqual(['Regel 1: kein Regelobjekt mit „site“ und „name“']);
  });

  it("marks a header the log cut short in the reader's language", () => {
    expect(cutMark(undefined)).toBe('');
    expect(cutMark(240_005)).toBe(' [cut: 240,005 characters in all]');
    setWording(deLookup, 'de');
    expect(cutMark(240_005)).toBe(' [gekürzt: insgesamt 240.005 Zeichen]');
  });
});
