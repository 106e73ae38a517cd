/**
 * The message catalogues: English is the source; every other language has every English key with the
 * same placeholders, and nothing more. Every id the code uses exists, and every key is used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/core/rules/index';
import type { Catalogue } from '../../../src/i18n/msg';
import { REJECT_REASONS } from '../../../src/model/verdict';

const root = resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');
const catalogue = (lang: string): Catalogue => JSON.parse(read(`_locales/${lang}/messages.json`));
const en = catalogue('en');
const languages = readdirSync(resolve(root, '_locales'));
/** What the log can give as a reason: the explainer's, or the browser's own block. */
const REASONS = [...Object.keys(REJECT_REASONS), 'blocked-by-browser'];

/** `$1`..`$9` a message uses, sorted and without repeats. */
function placeholders(message: string): string[] {
  return [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();
}

/** Source files whose text may name message ids: the code and the pages' entries. */
function sources(): string[] {
  return ['src', 'popup', 'devtools', 'sidepanel', 'manager'].flatMap((name) => {
    const dir = resolve(root, name);
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  });
}

/** Terms that stay the same in German: names, attribute syntax (as DevTools keeps it), placeholders only. */
const SAME_IN_GERMAN = new Set([
  'extName',
  'extActionTitle',
  'text',
  'list_comma',
  'list_semicolon',
  'sc_control_code',
  'sc_control_0',
  'sc_control_127',
  'refused_samesite_none_insecure',
  'badge_samesite_unspecified',
  'badge_samesite_none',
  'r_samesite_none_insecure_title',
  'r_long_lifetime_fix',
  'badge_title',
  'finding_head',
  'sev_count',
  'site_label',
  'sentence',
  'sort_name',
  'view_cookies',
  'f_name',
  'f_domain',
  'f_path',
  'f_expires',
  'f_partitioned',
  'fmt_netscape',
  'fmt_playwright',
  'fmt_puppeteer',
  'fmt_selenium',
  'fmt_fetch',
  'format',
  'format_is',
  'vi_base64',
  'vi_json',
  'vi_jwt',
  'jwt_header',
  'jwt_payload',
  'origin',
  'm_info',
  'm_secure',
  'm_httponly',
  'm_samesite_none',
  'm_bulk_problem',
  'm_label_count',
  'm_title',
  'fmt_b_row_problem',
]);

describe('the English catalogue', () => {
  it('has well-formed keys and at most nine substitutions, each counted from $1 up', () => {
    expect(Object.keys(en).length).toBeGreaterThan(250);
    for (const [key, entry] of Object.entries(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim().length, key).toBeGreaterThan(0);
      const used = placeholders(entry.message);
      expect(used, key).toEqual(used.map((_, i) => `$${i + 1}`));
      // A lone `$` not followed by a digit or `$` would be read differently by Chrome and Firefox.
      expect(entry.message.replace(/\$[1-9$]/g, ''), key).not.toContain('$');
    }
  });

  it('describes every message that takes substitutions, for translators', () => {
    const undescribed = Object.entries(en).filter(([, e]) => placeholders(e.message).length > 0 && !e.description);
    expect(undescribed.map(([k]) => k)).toEqual([]);
  });
});

describe.each(languages)('the %s catalogue, as browsers read it', (lang) => {
  it('names no placeholder it does not define (Chrome refuses to load the extension: "$2$3" reads as one named "2")', () => {
    const undefinedNames = Object.entries(catalogue(lang)).flatMap(([key, entry]) =>
      [...entry.message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)]
        .filter((m) => !entry.placeholders?.[(m[1] ?? '').toLowerCase()])
        .map((m) => `${key}: ${m[0]}`),
    );
    expect(undefinedNames).toEqual([]);
  });
});

describe.each(languages.filter((l) => l !== 'en'))('the %s catalogue', (lang) => {
  const other = catalogue(lang);

  it('has every English key, and no other', () => {
    expect(Object.keys(en).filter((k) => !(k in other))).toEqual([]);
    expect(Object.keys(other).filter((k) => !(k in en))).toEqual([]);
  });

  it('uses the same placeholders as English in each message', () => {
    for (const [key, entry] of Object.entries(other)) {
      expect(placeholders(entry.message), key).toEqual(placeholders(en[key]?.message ?? ''));
    }
  });

  it('is translated, not copied (but for names and Set-Cookie syntax)', () => {
    const copied = Object.keys(en).filter((k) => other[k]?.message === en[k]?.message && !SAME_IN_GERMAN.has(k));
    expect(copied).toEqual([]);
  });
});

describe('message ids in the code', () => {
  const code = sources().join('\n');
  const manifest = read('manifest.json');

  it('exist in the English catalogue (literal ids; the types check them too)', () => {
    const ids = [...code.matchAll(/\b(?:msg|t)\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1] ?? '');
    const plurals = [...code.matchAll(/\bplural\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => `${m[1]}_other`);
    const manifestIds = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(100);
    expect(manifestIds).toEqual(expect.arrayContaining(['extName', 'extDescription', 'extActionTitle']));
    expect([...ids, ...plurals, ...manifestIds].filter((id) => !(id in en))).toEqual([]);
  });

  it('give every rule a badge and every refusal a short cause', () => {
    expect(RULE_IDS.filter((id) => !(`badge_${id.replace(/-/g, '_')}` in en))).toEqual([]);
    expect(REASONS.filter((id) => !(`refused_${id.replace(/-/g, '_')}` in en))).toEqual([]);
  });

  it('use every key of the catalogue', () => {
    // Quoted in the code (`t('save')`, a JSX prop `label="m_flags"`) or named in the manifest.
    const quoted = (id: string) =>
      code.includes(`'${id}'`) || code.includes(`"${id}"`) || manifest.includes(`__MSG_${id}__`);
    const unused = Object.keys(en).filter((key) => {
      if (quoted(key)) return false;
      // Plural forms are picked at run time: `plural('sc_days', n)` uses sc_days_one and sc_days_other.
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      if (base !== key && code.includes(`'${base}'`)) return false;
      // Keys named after an id at run time: a severity, a rule, a reject reason.
      if (/^severity_pill_(high|medium|low|info)$/.test(base))
        return !code.includes('`severity_pill_${'.concat('severity}`'));
      if (key.startsWith('badge_')) return !RULE_IDS.some((id) => `badge_${id.replace(/-/g, '_')}` === key);
      if (key.startsWith('refused_')) return !REASONS.some((id) => `refused_${id.replace(/-/g, '_')}` === key);
      return true;
    });
    expect(unused).toEqual([]);
  });
});
