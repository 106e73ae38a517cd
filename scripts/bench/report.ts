/** The bench's text: the tables it prints, the chart, and README's block between the markers. Pure. */
import { type Budget, ratio, type Summary, verdict } from './stats';

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/** One view measured against its floor. */
export interface Comparison {
  id: string;
  label: string;
  /** Rows the view shows (what the floor lists). */
  rows: number;
  floor: Figures;
  ours: Figures;
}

export interface Figures {
  paint: Summary;
  rowsInDom: Summary;
  heap: Summary;
  nodes: Summary;
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)}` : '–');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '–');
const mb = (x: number) => (Number.isFinite(x) ? `${(x / 1_048_576).toFixed(2)} MB` : '–');
const spread = (s: Summary) => `${ms(s.min)} / **${ms(s.median)}** / ${ms(s.max)}`;

/** A markdown table: the header row, the separator, the rows. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Time to the painted frame and to rows in the DOM, min / median / max in ms, with the medians' ratios. */
export function timeTable(comparisons: readonly Comparison[]): string {
  return table(
    [
      'view',
      'rows',
      'floor: painted ms (min / median / max)',
      'Cookie Lens: painted ms',
      'ratio',
      'rows in DOM ms: floor / ours (median)',
      'ratio',
    ],
    comparisons.map((c) => [
      c.label,
      String(c.rows),
      spread(c.floor.paint),
      spread(c.ours.paint),
      times(ratio(c.ours.paint.median, c.floor.paint.median)),
      `${ms(c.floor.rowsInDom.median)} / ${ms(c.ours.rowsInDom.median)}`,
      times(ratio(c.ours.rowsInDom.median, c.floor.rowsInDom.median)),
    ]),
  );
}

/** JS heap after GC and DOM nodes, medians. */
export function costTable(comparisons: readonly Comparison[]): string {
  return table(
    ['view', 'JS heap after GC: floor / ours', 'ratio', 'DOM nodes: floor / ours'],
    comparisons.map((c) => [
      c.label,
      `${mb(c.floor.heap.median)} / ${mb(c.ours.heap.median)}`,
      times(ratio(c.ours.heap.median, c.floor.heap.median)),
      `${ms(c.floor.nodes.median)} / ${ms(c.ours.nodes.median)}`,
    ]),
  );
}

export interface ByteFigure {
  page: string;
  raw: number;
  gzip: number;
  files: number;
}

export function bytesTable(pages: readonly ByteFigure[]): string {
  return table(
    ['page', 'JS+CSS uncompressed', 'gzip', 'files'],
    pages.map((p) => [p.page, `${p.raw.toLocaleString('en')} B`, `${p.gzip.toLocaleString('en')} B`, String(p.files)]),
  );
}

function budgetValue(b: Budget): string {
  if (!Number.isFinite(b.value)) return 'not measured';
  if (b.unit === 'x') return `${b.value.toFixed(2)}x (budget ${b.limit}x)`;
  if (b.unit === 'ms') return `${b.value.toFixed(1)} ms (budget ${b.strict ? '<' : '≤'} ${b.limit} ms)`;
  return `${b.value.toLocaleString('en')} B (budget ≤ ${b.limit.toLocaleString('en')} B)`;
}

/** One line per budget: PASS, MISS or N/A, what, the figure and its limit. */
export function budgetLines(budgets: readonly Budget[]): string[] {
  return budgets.map((b) => `${verdict(b).padEnd(4)}  ${b.what}: ${budgetValue(b)}`);
}

/**
 * A text bar chart of median painted-frame times, floor and Cookie Lens side by side, one scale for
 * all (the longest bar is `width` characters).
 */
export function barChart(comparisons: readonly Comparison[], width = 40): string {
  const longest = Math.max(
    1,
    ...comparisons.flatMap((c) => [c.floor.paint.median, c.ours.paint.median]).filter(Number.isFinite),
  );
  const labelWidth = Math.max(...comparisons.map((c) => c.label.length), 5);
  const bar = (x: number) => (Number.isFinite(x) ? '█'.repeat(Math.max(1, Math.round((x / longest) * width))) : '');
  const lines: string[] = [];
  for (const c of comparisons) {
    lines.push(`${c.label.padEnd(labelWidth)}  floor ${bar(c.floor.paint.median)} ${ms(c.floor.paint.median)} ms`);
    lines.push(`${''.padEnd(labelWidth)}  ours  ${bar(c.ours.paint.median)} ${ms(c.ours.paint.median)} ms`);
  }
  return lines.join('\n');
}

/** README's text with everything between the markers replaced by `block`. Throws without the markers. */
export function replaceReadmeBlock(readme: string, block: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README has no ${README_START} … ${README_END} block`);
  return `${readme.slice(0, start + README_START.length)}\n${block.trim()}\n${readme.slice(end)}`;
}
