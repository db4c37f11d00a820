/**
 * Render counting for tests and the benchmark: proves a keystroke re-renders one field, not the form.
 * Off (a no-op costing one branch) unless a counter is installed with `countRenders`.
 */

let counts: Map<string, number> | null = null;

/** Starts counting renders by key; returns the live map. Call `stopCountingRenders` when done. */
export function countRenders(): Map<string, number> {
  counts = new Map();
  return counts;
}

export function stopCountingRenders(): void {
  counts = null;
}

/** Called in a component body: counts one render of `key` when counting is on. */
export function useRenderCount(key: string): void {
  if (counts) counts.set(key, (counts.get(key) ?? 0) + 1);
}
