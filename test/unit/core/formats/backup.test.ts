import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  MAX_BACKUP_CHARS,
  MAX_LISTED_ERRORS,
  parseBackup,
  writeBackup,
} from '../../../../src/core/formats/backup';
import { MAX_IMPORT_ROWS } from '../../../../src/core/formats/types';
import type { Cookie } from '../../../../src/model/cookie';
import { en } from '../../en';

const LATER = Date.UTC(2030, 0, 1) / 1000;

const cookies: Cookie[] = [
  {
    name: '__Host-chips',
    value: 'v1',
    domain: 'embed.example',
    hostOnly: true,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'none',
    session: false,
    expirationDate: LATER + 0.123456,
    storeId: '0',
    partitionKey: { topLevelSite: 'https://news.example', hasCrossSiteAncestor: true },
  },
  {
    name: 'pref',
    value: 'dark; mode'.replace(';', ''),
    domain: '.shop.example',
    hostOnly: false,
    path: '/cart',
    secure: false,
    httpOnly: false,
    sameSite: 'unspecified',
    session: true,
    storeId: 'firefox-container-2',
    firstPartyDomain: 'shop.example',
    partitionKey: { topLevelSite: 'https://shop.example' },
  },
  {
    name: '',
    value: 'nameless',
    domain: 'localhost',
    hostOnly: true,
    path: '/a/b',
    secure: false,
    httpOnly: true,
    sameSite: 'strict',
    session: false,
    expirationDate: LATER,
    storeId: '0',
  },
  {
    name: 'lax',
    value: 'é€😀',
    domain: '[::1]',
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: false,
    sameSite: 'lax',
    session: true,
    storeId: '0',
  },
];

const header = {
  createdAt: '2025-01-01T00:00:00.000Z',
  browser: 'chrome' as const,
  store: { id: '0', kind: 'default' as const, name: 'Normal' },
};

const text = writeBackup({ ...header, cookies, protected: [{ site: 'example.com', name: 'sess_*' }] });

const errorsOf = (input: string) => {
  const parsed = parseBackup(input);
  if (parsed.ok) throw new Error('expected errors');
  // In English, as an English page shows them.
  return parsed.errors.map((e) => en(e));
};

/** The backup's document with a change made to it. */
function edited(change: (doc: Record<string, unknown> & { cookies: Record<string, unknown>[] }) => void): string {
  const doc = JSON.parse(text);
  change(doc);
  return JSON.stringify(doc);
}

describe('writeBackup', () => {
  it('writes a versioned, pretty JSON document', () => {
    expect(text.startsWith('{\n  "format": "cookie-lens-backup",\n  "version": 1,\n')).toBe(true);
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ ...header, format: BACKUP_FORMAT, version: 1 });
    expect(doc.protected).toEqual([{ site: 'example.com', name: 'sess_*' }]);
    expect(doc.cookies[0].sameSite).toBe('no_restriction');
  });
});

describe('parseBackup', () => {
  it('round-trips every attribute of every cookie, and the rules', () => {
    const parsed = parseBackup(text);
    expect(parsed).toEqual({
      ok: true,
      backup: {
        ...header,
        format: BACKUP_FORMAT,
        version: 1,
        cookies,
        protected: [{ site: 'example.com', name: 'sess_*' }],
      },
    });
  });

  it('says a truncated file was cut short, wherever it was cut', () => {
    for (const cut of [text.length - 2, Math.floor(text.length / 2), 40, 5]) {
      expect(errorsOf(text.slice(0, cut))).toEqual([
        'The file ends early: it was cut short (an incomplete download or copy?). Nothing was read from it.',
      ]);
    }
  });

  it('says where a file that is not JSON goes wrong', () => {
    expect(errorsOf('{"format": x}')).toEqual([expect.stringMatching(/^The file is not valid JSON: Unexpected token/)]);
    expect(errorsOf('{"format": 1 2}')).toEqual([
      expect.stringMatching(/^The file is not valid JSON \(line 1, column 14\): /),
    ]);
    expect(errorsOf('')).toEqual(['The file is empty.']);
  });

  it('refuses another format, another version, and a cookie export', () => {
    expect(errorsOf(edited((d) => (d.format = 'other')))).toEqual([
      'This is not a Cookie Lens backup: its "format" is "other", not "cookie-lens-backup".',
    ]);
    expect(errorsOf(edited((d) => (d.version = 2)))).toEqual([
      'This backup is version 2, made by a newer Cookie Lens; this one reads version 1. Update Cookie Lens to restore it.',
    ]);
    expect(errorsOf(edited((d) => (d.version = '1')))[0]).toContain('version "1" is not one Cookie Lens knows');
    expect(errorsOf('[]')).toEqual([
      'This is not a Cookie Lens backup: the file holds a list (a cookie export? use Import for that), not a backup object.',
    ]);
    expect(errorsOf('{}')[0]).toContain('it has no "format"');
  });

  it('refuses a backup without a cookies list or with a bad header', () => {
    expect(errorsOf(edited((d) => delete (d as Partial<typeof d>).cookies))).toEqual([
      'The backup has no "cookies" list.',
    ]);
    expect(
      errorsOf(
        edited((d) => {
          d.createdAt = 'yesterday';
          d.browser = 'safari';
          d.store = { id: 1 };
        }),
      ),
    ).toEqual([
      '"createdAt" is not a date and time (ISO 8601, as Cookie Lens writes it).',
      '"browser" is neither "chrome" nor "firefox".',
      '"store" must say the store\'s "id", "kind" (default, private or container) and "name".',
    ]);
  });

  it('reports each bad row with its number and name, and each bad rule', () => {
    const errors = errorsOf(
      edited((d) => {
        d.cookies[0]!.expirationDate = 'soon';
        delete d.cookies[1]!.hostOnly;
        d.cookies[2]!.sameSite = 'sometimes';
        d.cookies[3]!.name = 'a;b';
        d.cookies.push({ ...d.cookies[3], name: 'x', session: false });
        d.cookies.push(7 as never);
        d.protected = [{ site: '', name: 'a' }];
      }),
    );
    expect(errors).toEqual([
      'Cookie 1 ("__Host-chips"): "expirationDate" is not a number (it is string)',
      'Cookie 2 ("pref"): "hostOnly" is missing',
      'Cookie 3 (empty name): "sameSite" "sometimes" is not one of no_restriction, lax, strict, unspecified',
      'Cookie 4 ("a;b"): the name contains ";" or "="',
      'Cookie 5 ("x"): "expirationDate" is missing on a cookie that is not a session cookie',
      'Cookie 6: not a cookie object (it is number)',
      'Protection rule 1: "site" is empty',
    ]);
  });

  it('refuses two rows that would be one cookie in the store restored into', () => {
    const errors = errorsOf(edited((d) => d.cookies.push({ ...d.cookies[0], storeId: '1', value: 'other' })));
    expect(errors).toEqual([
      'Cookie 5 ("__Host-chips"): the same cookie (name, domain, path and partition) as Cookie 1 ("__Host-chips")',
    ]);
  });

  it('keeps to the caps: rows, size, and a readable number of errors', () => {
    const many = edited((d) => {
      d.cookies = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({}));
    });
    expect(errorsOf(many)).toEqual([
      'The backup holds 10,001 cookies, more than the 10,000 Cookie Lens restores at once.',
    ]);
    const bad = errorsOf(
      edited((d) => {
        d.cookies = Array.from({ length: 150 }, () => ({ name: 'x' }));
      }),
    );
    expect(bad).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(bad.at(-1)).toBe('…and 50 more problems.');
    expect(errorsOf(' '.repeat(MAX_BACKUP_CHARS + 1))).toEqual(['The file is empty.']);
    expect(errorsOf(`${text}${' '.repeat(MAX_BACKUP_CHARS)}`)).toEqual([
      'The file is larger than 20 MB: it is not a backup Cookie Lens can read.',
    ]);
  });

  it('restores a 3,300-cookie store written by writeBackup', () => {
    const big = Array.from({ length: 3_300 }, (_, i) => ({ ...cookies[0]!, name: `c${i}`, value: 'v'.repeat(4000) }));
    const written = writeBackup({ ...header, cookies: big, protected: [] });
    expect(written.length).toBeLessThan(MAX_BACKUP_CHARS);
    const parsed = parseBackup(written);
    expect(parsed.ok && parsed.backup.cookies.length).toBe(3_300);
  });
});
