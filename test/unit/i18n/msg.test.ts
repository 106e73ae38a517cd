import { describe, expect, it } from 'vitest';
import de_ from '../../../_locales/de/messages.json' with { type: 'json' };
import { formatDate, formatNumber, formatRelative } from '../../../src/i18n/format';
import { formatBytes } from '../../../src/i18n/format-bytes';
import { type Catalogue, catalogueLookup, formatMsg, msg, plural } from '../../../src/i18n/msg';
import { PSEUDO_GROWTH, pseudoCatalogue, pseudoMessage } from '../../../src/i18n/pseudo';
import { en, enCatalogue, enLookup } from '../en';

const deLookup = catalogueLookup(de_ as Catalogue);
const de = (m: Parameters<typeof formatMsg>[0]) => formatMsg(m, deLookup, 'de');

describe('formatMsg', () => {
  it('fills $1.. from the arguments, words nested messages first, and keeps text as given', () => {
    expect(en('sc_rej_too_large', msg('sc_quoted', 'sid'), 5000, 4096)).toBe(
      'The browser ignores "sid": name and value together are 5000 bytes, over the 4096-byte limit.',
    );
    expect(de(msg('sc_rej_too_large', msg('sc_quoted', 'sid'), 5000, 4096))).toBe(
      'Der Browser ignoriert „sid“: Name und Wert umfassen zusammen 5000 Bytes, über der Grenze von 4096 Bytes.',
    );
    // An argument is never read as a placeholder or as markup.
    expect(en('sc_quoted', '$1 <b>$$</b>')).toBe('"$1 <b>$$</b>"');
  });

  it("picks the plural form of the reader's language, falling back to _other", () => {
    expect(en(plural('sc_days', 1, 1))).toBe('1 day');
    expect(en(plural('sc_days', 401, 401))).toBe('401 days');
    expect(de(plural('sc_days', 1, 1))).toBe('1 Tag');
    expect(de(plural('sc_days', 2, 2))).toBe('2 Tage');
    // Polish has "few" and "many", which our catalogue does not: _other is used.
    expect(formatMsg(plural('sc_days', 3, 3), enLookup, 'pl')).toBe('3 days');
  });

  it('substitutes as browsers do: named placeholders, $1..$9, $$', () => {
    const lookup = catalogueLookup({
      greet: { message: 'Hi $who$, $$5 for $2', placeholders: { who: { content: '$1' } } },
    });
    expect(formatMsg(msg('text'), lookup)).toBe('');
    expect(lookup('greet', ['Ann', 'tea'])).toBe('Hi Ann, $5 for tea');
    expect(lookup('missing', [])).toBe('');
  });

  it('takes a bare id for a message without arguments', () => {
    expect(formatMsg('time_unknown', enLookup)).toBe('unknown');
  });
});

describe('Intl helpers', () => {
  const NOW = Date.UTC(2025, 0, 15, 12);
  it("format numbers and sizes in the reader's locale", () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'de')).toBe('1.234.567');
    expect(formatBytes(1023, 'en')).toBe('1023 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'de')).toBe('1,5 KB');
    expect(formatBytes(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
  });

  it("format dates in the reader's locale", () => {
    const options = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } as const;
    expect(formatDate(NOW, 'en', options)).toBe('Jan 15, 2025, 12:00 PM');
    expect(formatDate(NOW, 'de', options)).toBe('15.01.2025, 12:00');
  });

  it('format relative times in whole units, and under a minute from the catalogue', () => {
    expect(formatRelative(NOW + 3 * 86_400_000 + 5_000, NOW, 'en', enLookup)).toBe('in 3 days');
    expect(formatRelative(NOW - 2 * 3_600_000, NOW, 'en', enLookup)).toBe('2 hours ago');
    expect(formatRelative(NOW + 3 * 86_400_000, NOW, 'de', deLookup)).toBe('in 3 Tagen');
    expect(formatRelative(NOW - 2 * 3_600_000, NOW, 'de', deLookup)).toBe('vor 2 Stunden');
    expect(formatRelative(NOW + 1000, NOW, 'de', deLookup)).toBe('in weniger als einer Minute');
    expect(formatRelative(NOW - 1000, NOW, 'en', enLookup)).toBe('under a minute ago');
    expect(formatRelative(Number.NaN, NOW, 'de', deLookup)).toBe('unbekannt');
  });
});

describe('the pseudo-locale', () => {
  it('accents every letter, keeps placeholders and $$, and brackets the text', () => {
    const out = pseudoMessage('Delete $1 of $2? $$3 left.');
    expect(out).toMatch(/^\[Ðéĺéţé \$1 óƒ \$2\? \$\$3 ĺéƒţ\. ·+\]$/);
    expect(out.match(/\$[1-9$]/g)).toEqual(['$1', '$2', '$$']);
  });

  it('makes every message of the catalogue about 40% longer, with the same placeholders', () => {
    const pseudo = pseudoCatalogue(enCatalogue);
    expect(Object.keys(pseudo)).toEqual(Object.keys(enCatalogue));
    for (const [key, entry] of Object.entries(enCatalogue)) {
      const p = pseudo[key]?.message ?? '';
      expect(p.match(/\$[1-9]/g) ?? [], key).toEqual(entry.message.match(/\$[1-9]/g) ?? []);
      // No letter is left unaccented: untranslated text stands out in a screenshot.
      expect(p.replace(/\$[1-9$]/g, ''), key).not.toMatch(/[A-Za-z]/);
      if (entry.message.length >= 20)
        expect(p.length / entry.message.length, key).toBeGreaterThanOrEqual(1 + PSEUDO_GROWTH - 0.01);
    }
  });

  it('words findings in a browser running the pseudo-locale', () => {
    const words = formatMsg(
      msg('sc_rej_too_large', msg('sc_quoted', 'sid'), 5000, 4096),
      catalogueLookup(pseudoCatalogue(enCatalogue)),
    );
    expect(words).toContain('sid');
    expect(words).toContain('5000');
    expect(words).toMatch(/^\[Ţĥé ƀŕóŵšéŕ/);
  });
});
