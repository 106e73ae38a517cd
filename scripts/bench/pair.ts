/** One view against its floor: a warm-up of each, then runs taking turns, so load on the machine falls on both. */
import type { PageFigures } from './page-metrics';
import { type Summary, summarize } from './stats';
import type { Views } from './views';

export interface Bench extends Views {
  runs: number;
  log(line: string): void;
}

export interface Measured {
  samples: PageFigures[];
  summary: { paint: Summary; rowsInDom: Summary; heap: Summary; nodes: Summary };
}

export interface PairResult {
  floor: Measured;
  ours: Measured;
}

export function measured(samples: PageFigures[]): Measured {
  return {
    samples,
    summary: {
      paint: summarize(samples.map((s) => s.paintMs)),
      rowsInDom: summarize(samples.map((s) => s.rowsMs)),
      heap: summarize(samples.map((s) => s.heap)),
      nodes: summarize(samples.map((s) => s.nodes)),
    },
  };
}

export async function measurePair(
  bench: Bench,
  what: string,
  openFloor: () => Promise<PageFigures>,
  openOurs: () => Promise<PageFigures>,
): Promise<PairResult> {
  await openFloor();
  await openOurs();
  const floor: PageFigures[] = [];
  const ours: PageFigures[] = [];
  for (let i = 0; i < bench.runs; i++) {
    floor.push(await openFloor());
    ours.push(await openOurs());
  }
  const result = { floor: measured(floor), ours: measured(ours) };
  bench.log(
    `${what}: floor ${result.floor.summary.paint.median.toFixed(0)} ms, Cookie Lens ${result.ours.summary.paint.median.toFixed(0)} ms (medians to the painted frame)`,
  );
  return result;
}
