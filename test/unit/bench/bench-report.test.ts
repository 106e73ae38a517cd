/** The bench's pure parts: statistics, ratios and budgets, the tables and chart, README's block, the seeded store. */
import { describe, expect, it } from 'vitest';
import { probeSource } from '../../../scripts/bench/probe';
import {
  barChart,
  budgetLines,
  type Comparison,
  README_END,
  README_START,
  replaceReadmeBlock,
  timeTable,
} from '../../../scripts/bench/report';
import { popupStore, SITE_LIMIT, siteName, spread } from '../../../scripts/bench/seed';
import { ratio, summarize, verdict } from '../../../scripts/bench/stats';

describe('summarize', () => {
  it('gives min, median and max of an odd count, whatever the order', () => {
    expect(summarize([9, 1, 5, 7, 3, 2, 8])).toEqual({ min: 1, median: 5, max: 9 });
  });

  it('takes the mean of the two middle values for an even count', () => {
    expect(summarize([4, 1, 3, 10])).toEqual({ min: 1, median: 3.5, max: 10 });
  });

  it('leaves out runs that measured nothing, and is NaN when none did', () => {
    expect(summarize([Number.NaN, 2, 4, 6])).toEqual({ min: 2, median: 4, max: 6 });
    expect(summarize([]).median).toBeNaN();
    expect(summarize([Number.NaN]).max).toBeNaN();
  });
});

describe('ratio and verdict', () => {
  it('divides by the floor, and has no ratio to a missing or zero floor', () => {
    expect(ratio(240, 200)).toBeCloseTo(1.2);
    expect(ratio(240, 0)).toBeNaN();
    expect(ratio(Number.NaN, 200)).toBeNaN();
  });

  it('passes a figure at the limit, misses one above it, and is N/A when not measured', () => {
    expect(verdict({ what: 'a', value: 1.2, limit: 1.2, unit: 'x' })).toBe('PASS');
    expect(verdict({ what: 'a', value: 1.21, limit: 1.2, unit: 'x' })).toBe('MISS');
    expect(verdict({ what: 'a', value: Number.NaN, limit: 1.2, unit: 'x' })).toBe('N/A');
  });

  it('holds a strict budget ("under 16 ms") to strictly below', () => {
    expect(verdict({ what: 'k', value: 16, limit: 16, strict: true, unit: 'ms' })).toBe('MISS');
    expect(verdict({ what: 'k', value: 15.9, limit: 16, strict: true, unit: 'ms' })).toBe('PASS');
  });

  it('prints one line per budget with its verdict first', () => {
    expect(
      budgetLines([
        { what: 'popup 180', value: 1.5, limit: 1.2, unit: 'x' },
        { what: 'popup JS+CSS', value: 40_000, limit: 46_080, unit: 'bytes' },
      ]),
    ).toEqual(['MISS  popup 180: 1.50x (budget 1.2x)', 'PASS  popup JS+CSS: 40,000 B (budget ≤ 46,080 B)']);
  });
});

const figures = (paint: number, rows: number) => ({
  paint: { min: paint - 10, median: paint, max: paint + 10 },
  rowsInDom: { min: rows, median: rows, max: rows },
  heap: { min: 1, median: 1, max: 1 },
  nodes: { min: 1, median: 1, max: 1 },
});
const comparison: Comparison = {
  id: 'popup-180',
  label: 'popup, 180',
  rows: 180,
  floor: figures(100, 80),
  ours: figures(150, 90),
};

describe('tables and chart', () => {
  it('shows min / median / max and the ratio of the medians', () => {
    const lines = timeTable([comparison]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('| popup, 180 | 180 | 90 / **100** / 110 | 140 / **150** / 160 | 1.50x | 80 / 90 | 1.13x |');
  });

  it('draws bars on one scale, the longest `width` characters', () => {
    const [floor, ours] = barChart([comparison], 10).split('\n');
    expect(ours).toContain(`${'█'.repeat(10)} 150 ms`);
    expect(floor).toContain(`${'█'.repeat(7)} 100 ms`);
  });
});

describe('README block', () => {
  const readme = `# Title\n\n## Performance\n\nMethod.\n\n${README_START}\nold table\n${README_END}\n\n## Next\n`;

  it('replaces only what is between the markers, and keeps them', () => {
    const out = replaceReadmeBlock(readme, 'new table\n');
    expect(out).toBe(`# Title\n\n## Performance\n\nMethod.\n\n${README_START}\nnew table\n${README_END}\n\n## Next\n`);
    expect(replaceReadmeBlock(out, 'new table')).toBe(out);
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceReadmeBlock('# Title\n', 'x')).toThrow(/bench:start/);
  });
});

describe('seeded stores', () => {
  it('puts at most 180 cookies on the popup site and spreads the rest over registrable domains of their own', () => {
    const store = popupStore('localhost', 1000);
    expect(store).toHaveLength(1000);
    expect(store.filter((c) => c.url === 'http://localhost/')).toHaveLength(SITE_LIMIT);
    expect(popupStore('localhost', 20).every((c) => c.url === 'http://localhost/')).toBe(true);
    expect(siteName(0)).toBe('site001-x.test');
  });

  it('gives the manager 3,300 cookies, 33 on each of 100 sites, with no identity twice', () => {
    const store = spread(3300);
    const perSite = new Map<string, number>();
    for (const c of store) perSite.set(c.url, (perSite.get(c.url) ?? 0) + 1);
    expect(perSite.size).toBe(100);
    expect(new Set(perSite.values())).toEqual(new Set([33]));
    expect(new Set(store.map((c) => `${c.url} ${c.name}`)).size).toBe(3300);
  });
});

describe('probe', () => {
  it('is plain script text that parses, carrying its target', () => {
    const source = probeSource({ urlPrefix: 'chrome-extension://x/', selector: 'li', count: 3, fillScreen: false });
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('"urlPrefix":"chrome-extension://x/"');
    expect(probeSource(undefined)).toBe('');
  });
});
