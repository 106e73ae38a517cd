/**
 * The differential suite for one browser: every generated header must agree with the explainer,
 * or be listed in known-differences.json with the reason it cannot be matched. A listed header that
 * starts agreeing fails too (remove it from the list).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserName } from '../../../src/core/types';
import { caseLabel, type Result, runDifferential } from './differential';
import { chromiumEngine, type Engine, firefoxEngine } from './engines';
import { generateCases, HEADERS_PER_RUN, SEED, tagOf } from './generator';
import { type RawServer, startRawServer } from './raw-server';

export interface KnownDifference {
  /** The generated header, to catch a generator change that moved the tags. */
  header: string;
  reason: string;
}

export const KNOWN_FILE = resolve(import.meta.dirname, 'known-differences.json');

export function knownDifferences(browser: BrowserName): Record<string, KnownDifference> {
  const all = JSON.parse(readFileSync(KNOWN_FILE, 'utf8')) as Record<BrowserName, Record<string, KnownDifference>>;
  return all[browser];
}

export function differentialSuite(browser: BrowserName): void {
  let server: RawServer;
  let engine: Engine;

  beforeAll(async () => {
    server = await startRawServer();
    engine = browser === 'chrome' ? await chromiumEngine() : await firefoxEngine();
  });

  afterAll(async () => {
    await engine?.close();
    await server?.close();
  });

  it(`agrees with ${browser} on ${HEADERS_PER_RUN} generated Set-Cookie headers (seed ${SEED})`, async () => {
    const cases = generateCases();
    const started = Date.now();
    const results: Result[] = await runDifferential(engine, server, cases);
    const known = knownDifferences(browser);
    const disagreeing = results.filter((r) => r.differences.length > 0);
    console.log(
      `${browser}: ${results.length - disagreeing.length}/${results.length} headers agree ` +
        `(${Object.keys(known).length} known differences; seed ${SEED}; ${Math.round((Date.now() - started) / 1000)} s)`,
    );
    if (process.env.CL_TRUTH_DUMP) {
      writeFileSync(
        process.env.CL_TRUTH_DUMP,
        JSON.stringify(
          disagreeing.map((r) => ({ tag: tagOf(r.case), label: caseLabel(r.case), header: r.case.header, differences: r.differences })),
          null,
          1,
        ),
      );
    }
    const unexpected = disagreeing
      .filter((r) => !known[tagOf(r.case)])
      .map((r) => `${caseLabel(r.case)}\n    ${r.differences.join('\n    ')}`);
    expect(unexpected, `seed ${SEED}: headers where ${browser} and the explainer disagree`).toEqual([]);
    const nowAgreeing = results
      .filter((r) => r.differences.length === 0 && known[tagOf(r.case)])
      .map((r) => caseLabel(r.case));
    expect(nowAgreeing, `seed ${SEED}: listed differences that now agree (remove them)`).toEqual([]);
    for (const [tag, entry] of Object.entries(known)) {
      const c = cases.find((k) => tagOf(k) === tag);
      expect(c?.header, `seed ${SEED}: ${tag} is no longer the listed header`).toBe(entry.header);
    }
  });
}
