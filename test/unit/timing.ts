/**
 * Time bounds for parsers of hostile text (issue 11: "never freeze"), robust against a loaded machine:
 * a slow run is retried and the fastest counts, so only work that is really slow fails.
 */

/** Milliseconds of the fastest of up to `tries` runs of `run`, stopping at the first within `budgetMs`. */
export function fastestMs(run: () => unknown, budgetMs: number, tries = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries && best > budgetMs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Whether `run` does linear work on inputs from `make`: 4× the input may take at most 8× the time
 * (a quadratic parser takes 16×), or the large input is simply fast (under `floorMs`, where timer
 * noise dominates the ratio). Each size is timed as the fastest of `tries` runs.
 */
export function scalesLinearly(
  make: (n: number) => string,
  run: (input: string) => unknown,
  { small = 16_384, floorMs = 25, tries = 3 }: { small?: number; floorMs?: number; tries?: number } = {},
): { ratio: number; smallMs: number; largeMs: number; linear: boolean } {
  const smallInput = make(small);
  const largeInput = make(small * 4);
  run(smallInput); // warm up the code paths before timing
  const smallMs = Math.max(fastestMs(() => run(smallInput), 0, tries), 0.05);
  const largeMs = fastestMs(() => run(largeInput), floorMs, tries);
  const ratio = largeMs / smallMs;
  return { ratio, smallMs, largeMs, linear: largeMs < floorMs || ratio < 8 };
}
