/**
 * The rule registry's conventions: one rule per file, every file registered, every rule with samples that
 * behave, every id in the README's rule table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/core/audit';
import { RULE_IDS, type Rule, ruleById, rules } from '../../../src/core/rules/index';
import { SAMPLE_CONTEXT, sampleCookie, sampleInput } from '../../../src/core/rules/rule';
import { SEVERITIES } from '../../../src/model/severity';
import { cookieKey } from '../../../src/model/cookie';
import { en } from '../en';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const rulesDir = join(root, 'src/core/rules');
const NOT_RULES = new Set(['index.ts', 'rule.ts']);
const ruleFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f))
  .sort();

describe('rule files', () => {
  it('there is one file per rule id', () => {
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(ruleFiles)('%s exports a registered rule whose id is the file name', async (file) => {
    const mod = (await import(join(rulesDir, file))) as { rule?: Rule };
    expect(mod.rule).toBeDefined();
    expect(mod.rule?.id).toBe(file.replace(/\.ts$/, ''));
    expect(rules).toContain(mod.rule);
  });
});

describe('registry', () => {
  it('registers every id once, in RULE_IDS order', () => {
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it('ruleById finds each rule and nothing else', () => {
    for (const rule of rules) expect(ruleById(rule.id)).toBe(rule);
    expect(ruleById('no-such-rule')).toBeUndefined();
  });

  it('a well-configured cookie triggers no rule', () => {
    const cookie = sampleCookie();
    expect(rules.filter((r) => r.check({ cookie, all: [cookie], ctx: SAMPLE_CONTEXT }) !== null)).toEqual([]);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has a one-line title, an explanation, a fix, severities and an https reference', () => {
    expect(en(rule.title)).toMatch(/^[^\n]{5,80}$/);
    expect(en(rule.explanation).length).toBeGreaterThan(40);
    expect(en(rule.fix).length).toBeGreaterThan(0);
    expect(rule.severities.length).toBeGreaterThan(0);
    for (const s of rule.severities) expect(SEVERITIES).toContain(s);
    expect(new URL(rule.reference).protocol).toBe('https:');
  });

  it('has both samples', () => {
    expect(rule.samples.triggers.cookie).toBeDefined();
    expect(rule.samples.passes.cookie).toBeDefined();
  });

  it('fires on its triggers sample, with one of its severities', () => {
    const hit = rule.check(sampleInput(rule.samples.triggers));
    expect(hit).not.toBeNull();
    expect(rule.severities).toContain(hit?.severity);
  });

  it('does not fire on its passes sample', () => {
    expect(rule.check(sampleInput(rule.samples.passes))).toBeNull();
  });

  it('audit() reports it for the triggers sample, on that cookie', () => {
    const { cookie, all, ctx } = sampleInput(rule.samples.triggers);
    const findings = audit(all, ctx).filter((f) => f.ruleId === rule.id);
    expect(findings.map((f) => f.cookieKey)).toContain(cookieKey(cookie));
  });
});

describe('README rule table', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- rules:start -->');
  const end = readme.indexOf('<!-- rules:end -->');
  const section = readme.slice(start, end);
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()));

  it('sits between the markers', () => {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(section).toContain('| id | severity | fires when | fix |');
  });

  it('lists every rule id exactly once, in registry order', () => {
    expect(rows.map((cells) => cells[1]?.replace(/`/g, ''))).toEqual([...RULE_IDS]);
  });

  it('gives every rule a severity, a condition and a fix', () => {
    for (const cells of rows) {
      expect(cells).toHaveLength(6);
      expect(cells.slice(2, 5).every((c) => c.length > 0)).toBe(true);
    }
  });

  it("names each rule's severities in its severity column", () => {
    for (const cells of rows) {
      const rule = ruleById(cells[1]?.replace(/`/g, '') ?? '');
      for (const s of rule?.severities ?? ['missing']) expect(cells[2]).toContain(s);
    }
  });
});
