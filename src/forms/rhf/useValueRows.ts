/**
 * The rows of an array in the host's form whose items may be 0, "", false or null: an open tuple's
 * items after its positions, or a list of plain values. react-hook-form's useFieldArray reads such an
 * array through `compact` (filter(Boolean)) on every add, remove and move, so it would drop a 0 and
 * shift every later item (a tuple's rest would eat its positions' places); its docs leave flat arrays
 * unsupported. Here the array is one useController (its onChange writes the whole array, so RHF marks
 * it dirty and re-validates it as for any field) and each item keeps a stable key across moves.
 */
import { useReducer, useRef } from 'react';
import { type Control, type FieldValues, get, useController, useWatch } from 'react-hook-form';

/** The operations RhfList needs, by index in the whole array (useFieldArray's shape). */
export interface RhfRows {
  /** One key per item of the whole array (positions included), stable while the item moves. */
  readonly keys: readonly string[];
  append(items: readonly unknown[]): void;
  insert(index: number, value: unknown): void;
  remove(index: number): void;
  move(from: number, to: number): void;
}

/** Rows over the array at `name`. A render per operation; a keystroke in an item renders nothing here. */
export function useValueRows(control: Control<FieldValues>, name: string): RhfRows {
  const { field } = useController({ control, name });
  // Only the length: a change inside an item (a keystroke) computes the same number and renders nothing.
  const length = useWatch({ control, name, compute: (v: unknown) => (Array.isArray(v) ? v.length : 0) });
  const keys = useRef<string[]>([]);
  const made = useRef(0);
  const [, rendered] = useReducer((n: number) => n + 1, 0);
  const fresh = () => `v${made.current++}`;
  // The host's reset or setValue may change the length: keep the keys there are, key what is new.
  if (keys.current.length > length) keys.current = keys.current.slice(0, length);
  while (keys.current.length < length) keys.current.push(fresh());
  /** Applies one splice to the values and the same one to their keys, then writes the array. */
  const splice = (start: number, removed: number, added: readonly unknown[]) => {
    const current = get(control._formValues, name) as unknown;
    const values = Array.isArray(current) ? [...current] : [];
    values.splice(start, removed, ...added.map((v) => structuredClone(v)));
    const nextKeys = [...keys.current];
    const movedKeys = nextKeys.splice(start, removed);
    return { values, nextKeys, movedKeys };
  };
  const commit = (values: unknown[], nextKeys: string[]) => {
    keys.current = nextKeys;
    field.onChange(values);
    rendered();
  };
  return {
    keys: keys.current,
    append: (items) => {
      const { values, nextKeys } = splice(Number.MAX_SAFE_INTEGER, 0, items);
      commit(values, [...nextKeys, ...items.map(fresh)]);
    },
    insert: (index, value) => {
      const { values, nextKeys } = splice(index, 0, [value]);
      nextKeys.splice(index, 0, fresh());
      commit(values, nextKeys);
    },
    remove: (index) => {
      const { values, nextKeys } = splice(index, 1, []);
      commit(values, nextKeys);
    },
    move: (from, to) => {
      const { values, nextKeys, movedKeys } = splice(from, 1, []);
      const current = get(control._formValues, name) as unknown[];
      values.splice(to, 0, current[from]);
      nextKeys.splice(to, 0, ...movedKeys);
      commit(values, nextKeys);
    },
  };
}
