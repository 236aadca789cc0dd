/** What the benches measure with and how they sum up repeated runs. */

export interface Range {
  min: number;
  median: number;
  max: number;
}

/** The least, the median (the lower of the middle two for an even count) and the most; NaN when empty. */
export function range(values: readonly number[]): Range {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: sorted[0] ?? Number.NaN,
    median: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** The value at quantile `q` (0 to 1) of `sorted` (ascending): the one at floor(q × n); NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** "min / median / max", each with `digits` decimals. */
export function slashed(values: readonly number[], digits = 0): string {
  const { min, median, max } = range(values);
  return [min, median, max].map((n) => n.toFixed(digits)).join(" / ");
}

/** "min X unit, median Y unit, max Z unit". */
export function spelledOut(values: readonly number[], unit: string, digits = 0): string {
  const { min, median, max } = range(values);
  const f = (n: number) => `${n.toFixed(digits)} ${unit}`;
  return `min ${f(min)}, median ${f(median)}, max ${f(max)}`;
}

/** The longest gap between firings of a 10 ms interval while `work` runs: how long updates would wait. */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { result, stallMs };
  } finally {
    clearInterval(timer);
  }
}

/** The latencies of the updates that arrived in one stretch of an open-loop run. */
export interface ArrivalWindow {
  fromS: number;
  spent: number[];
}

/** How long a stretch of arrivals `byArrival` groups: 5 s. */
export const ARRIVAL_WINDOW_MS = 5000;

/** Latencies grouped by 5 s of arrival: does the bot keep up throughout an open-loop run, or fall behind? */
export function byArrival(series: ReadonlyArray<{ at: number; spent: number }>): ArrivalWindow[] {
  const windows: ArrivalWindow[] = [];
  for (const { at, spent } of series) {
    const index = Math.floor(at / ARRIVAL_WINDOW_MS);
    windows[index] ??= { fromS: (index * ARRIVAL_WINDOW_MS) / 1000, spent: [] };
    windows[index].spent.push(spent);
  }
  return windows.filter((window) => window !== undefined);
}
