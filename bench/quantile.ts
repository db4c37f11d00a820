/**
 * The nearest-rank quantile every benchmark reports: the smallest sample with at least a fraction q
 * of the samples at or below it (q = 0.99 of 100 samples is the 99th smallest, not the largest).
 * NaN for no samples. Sorts a copy.
 */
export function quantile(values: Iterable<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
