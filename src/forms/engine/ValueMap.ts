/**
 * The store that holds a mounted form's values: a flat Map from storage name to value, behind the
 * engine's ValueStore interface. No React.
 *
 * Why not react-hook-form, the library DESIGN.md started from: the form used only its getValues,
 * setValue and reset. Per-field subscriptions are the engine's own (RHF's useWatch made every setValue
 * deep-clone the whole form, see FormEngine), inputs are uncontrolled by the widgets themselves, and
 * validation is ajv's. Measured on 27 November 2026, RHF's setValue (a clone of the value, a walk of
 * its dotted name, so names had to be %-escaped) against this map: the embed's gzip went from 167.6 to
 * 155.9 kB (`npm run size`), and a keystroke's script work at 1,000 fields (`npm run bench:forms`, 6
 * runs of 30 keys each, alternating builds) from 0.58 to 0.43 ms mean, 0.96 to 0.78 ms median p95.
 * Widgets keep RHF's props contract (src/widgets/WidgetProps.ts), so a page can still drive them with
 * `useController`.
 */
import type { ValueStore } from './FormEngine';

/** Arrays and objects are copied in, so a caller's later edits to its request never reach the form. */
const copyIn = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? structuredClone(value) : value;

/** A ValueStore over a Map, seeded with `initial` (copied). get/set O(1); replaceAll and names O(n). */
export function createValueMap(initial: Readonly<Record<string, unknown>>): ValueStore {
  let values = new Map<string, unknown>();
  const fill = (from: Readonly<Record<string, unknown>>) => {
    values = new Map();
    for (const name of Object.keys(from)) values.set(name, copyIn(from[name]));
  };
  fill(initial);
  return {
    get: (name) => values.get(name),
    set: (name, value) => {
      values.set(name, value);
    },
    replaceAll: fill,
    names: () => [...values.keys()],
  };
}
