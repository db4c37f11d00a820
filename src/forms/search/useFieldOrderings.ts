/**
 * FieldOrderings for a mounted form, brought up to date with the engine's "changed" and error state
 * when read. The engine's listeners do not say which field changed, so a read after a change checks
 * each field's flags (O(n), cheap) and update() moves only those that flipped (O(log n) each).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { type FieldIndex, FieldOrderings } from '../../schemas/index';
import type { FormEngine } from '../engine/FormEngine';
import { templateOf } from '../engine/storagePath';

/**
 * Orderings over `index`'s fields (null until there is an index), synced while `live`, and a number
 * that changes with each sync (for memo deps).
 */
export function useFieldOrderings(
  engine: FormEngine,
  index: FieldIndex | null,
  live: boolean,
): { orderings: FieldOrderings | null; synced: number } {
  const orderings = useMemo(() => (index ? new FieldOrderings(index.entries) : null), [index]);
  const dirty = useRef(true);
  const synced = useRef(0);
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!live) return;
    const bump = () => {
      dirty.current = true;
      setVersion((v) => v + 1);
    };
    const offValues = engine.subscribeValues(bump);
    const offErrors = engine.errors.subscribeAll(bump);
    return () => {
      offValues();
      offErrors();
    };
  }, [engine, live]);
  if (live && dirty.current && index && orderings) {
    dirty.current = false;
    synced.current++;
    const withErrors = new Set(engine.errors.paths().map(templateOf));
    for (const entry of index.entries) {
      const inList = entry.pointer.includes('*');
      orderings.update(entry.pointer, {
        changed: !inList && engine.isChanged(entry.pointer),
        hasError: withErrors.has(entry.pointer),
      });
    }
  }
  return { orderings, synced: synced.current };
}
