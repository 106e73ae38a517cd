/** The bench's arithmetic: summaries of samples, ratios to the floor, budgets. Pure. */

export interface Summary {
  min: number;
  median: number;
  max: number;
}

/** Min, median (the mean of the two middle values for an even count) and max; NaN for no samples. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = samples.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { min: sorted[0] as number, median, max: sorted[sorted.length - 1] as number };
}

/** `value / floor`; NaN when either is missing or the floor is zero. */
export function ratio(value: number, floor: number): number {
  return Number.isFinite(value) && Number.isFinite(floor) && floor > 0 ? value / floor : Number.NaN;
}

export interface Budget {
  /** What is held to the budget, e.g. "popup 180: painted frame". */
  what: string;
  /** The measured figure (a ratio to the floor, ms or bytes). */
  value: number;
  /** The most it may be. */
  limit: number;
  /** Whether `value` must be strictly below `limit` (a keystroke "under 16 ms") or may equal it. */
  strict?: boolean;
  unit: 'x' | 'ms' | 'bytes';
}

export type Verdict = 'PASS' | 'MISS' | 'N/A';

/** PASS within the limit, MISS over it, N/A when there was nothing to measure. */
export function verdict(budget: Budget): Verdict {
  if (!Number.isFinite(budget.value)) return 'N/A';
  const within = budget.strict ? budget.value < budget.limit : budget.value <= budget.limit;
  return within ? 'PASS' : 'MISS';
}
