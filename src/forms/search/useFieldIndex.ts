/**
 * The search index of a mounted form, built when the browser is first idle after mount or at once when
 * the search box is used, whichever comes first. Building it for 1,000 fields took a sixth of the
 * form's mount in a profile (bench/forms/profile.ts), for a box most users open later or never.
 */
import { useEffect, useState } from 'react';
import { FieldIndex } from '../../schemas/index';
import type { FormEngine } from '../engine/FormEngine';
import { whenIdle } from '../idle';

/** The index over `engine.model`, or null until it is built; `needed` builds it now. */
export function useFieldIndex(engine: FormEngine, needed: boolean): FieldIndex | null {
  const [index, setIndex] = useState<FieldIndex | null>(null);
  const build = needed && index === null ? new FieldIndex(engine.model) : null;
  if (build !== null) setIndex(build);
  useEffect(() => {
    if (index !== null) return;
    return whenIdle(() => setIndex(new FieldIndex(engine.model)), 2000);
  }, [engine, index]);
  return build ?? index;
}
