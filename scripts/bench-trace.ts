/**
 * `npm run bench:trace`: where the action popup's main thread spends its time until its rows are
 * painted, against the floor (see bench/floor.ts), at 20 and 180 cookies in Chromium. The bench says
 * how long the painted frame takes; this says what fills it: a Chromium trace of each popup opening,
 * its main-thread events summed by kind (script, style, layout, paint, parsing, ...), medians of
 * `BENCH_RUNS` (default 5) openings. `-- --no-build` skips the build.
 */
import type { CDPSession, Page } from 'puppeteer';
import { type PopupKind, withPopupLab } from './bench/popup-lab';
import { popupStore } from './bench/seed';
import { summarize } from './bench/stats';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** Main-thread work by kind: the trace event names each kind is made of. */
const KINDS: Record<string, readonly string[]> = {
  'parse HTML': ['ParseHTML'],
  'compile script': ['v8.compile', 'v8.compileModule', 'V8.CompileCode', 'CacheScript'],
  'run script': [
    'EvaluateScript',
    'v8.evaluateModule',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'EventDispatch',
    'RunMicrotasks',
    'V8.RunMicrotasks',
  ],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout'],
  paint: ['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'],
  'garbage collection': ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase'],
};

/** The renderer main thread that parsed `url`, and its events from the first one until `untilTs`. */
function pageThread(events: TraceEvent[], url: string): TraceEvent[] {
  const parse = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(url));
  if (!parse) return [];
  return events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ts >= parse.ts - 50_000);
}

/**
 * Milliseconds of each kind, counting each event's own time (its duration minus that of events
 * nested in it), so nested events are not counted twice; and the span from the first to the last.
 */
function byKind(thread: TraceEvent[]): Record<string, number> {
  const complete = thread
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kindOf = new Map<string, string>();
  for (const [kind, names] of Object.entries(KINDS)) for (const n of names) kindOf.set(n, kind);
  const totals: Record<string, number> = { 'other tasks': 0 };
  for (const k of Object.keys(KINDS)) totals[k] = 0;
  // Own time: walk events as a stack of open intervals; an event of no known kind counts as its
  // parent's kind (a task's own time, outside any known event, as "other tasks").
  const stack: Array<{ end: number; kind: string; own: number }> = [];
  const close = (until: number) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= until) {
      const done = stack.pop();
      if (done) totals[done.kind] = (totals[done.kind] ?? 0) + done.own / 1000;
    }
  };
  for (const e of complete) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.own -= e.dur ?? 0;
    stack.push({
      end: e.ts + (e.dur ?? 0),
      kind: kindOf.get(e.name) ?? parent?.kind ?? 'other tasks',
      own: e.dur ?? 0,
    });
  }
  close(Number.POSITIVE_INFINITY);
  return totals;
}

async function traced(browserSession: CDPSession, open: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: TraceEvent[] }) => events.push(...value);
  browserSession.on('Tracing.dataCollected', collect);
  await browserSession.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink'],
    },
    transferMode: 'ReportEvents',
  });
  await open();
  const done = new Promise<void>((resolve) => browserSession.once('Tracing.tracingComplete', () => resolve()));
  await browserSession.send('Tracing.end');
  await done;
  browserSession.off('Tracing.dataCollected', collect);
  return events;
}

async function main(): Promise<void> {
  await withPopupLab(async ({ browser, store, floor, ours, open }) => {
    const cdp = await browser.target().createCDPSession();
    const openOnce = async (kind: PopupKind, rows: number) => {
      let popup: Page | undefined;
      const events = await traced(cdp, async () => {
        popup = (await open(kind, rows)).popup;
        // The frame with the rows, and nothing the page does much later.
        await popup.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
      });
      await popup?.close();
      return byKind(pageThread(events, `chrome-extension://${kind.extensionId}/${kind.path}`));
    };

    for (const n of [20, 180]) {
      await store.fill(popupStore('localhost', n));
      const runs = { floor: [] as Record<string, number>[], ours: [] as Record<string, number>[] };
      await openOnce(ours, n); // warm-up
      for (let i = 0; i < RUNS; i++) {
        runs.floor.push(await openOnce(floor, n));
        runs.ours.push(await openOnce(ours, n));
      }
      console.log(`\npopup, ${n} cookies: main-thread ms by kind until the rows' frame (median of ${RUNS})`);
      console.log('| kind | floor | Cookie Lens |\n|---|---|---|');
      const kinds = [...Object.keys(KINDS), 'other tasks'];
      const median = (list: Record<string, number>[], k: string) => summarize(list.map((r) => r[k] ?? 0)).median;
      let floorSum = 0;
      let oursSum = 0;
      for (const k of kinds) {
        const f = median(runs.floor, k);
        const o = median(runs.ours, k);
        floorSum += f;
        oursSum += o;
        console.log(`| ${k} | ${f.toFixed(1)} | ${o.toFixed(1)} |`);
      }
      console.log(`| all | ${floorSum.toFixed(1)} | ${oursSum.toFixed(1)} |`);
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
