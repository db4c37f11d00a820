/** A job or submission state as a coloured word (the colour repeats the word, never replaces it). */
import type { ReactNode } from 'react';
import { jobStateWord } from '../../forms/index';
import { useT } from '../../widgets/index';

export function StateChip({ state, title }: { state: string; title?: string }): ReactNode {
  const t = useT();
  return (
    <span className={`subs-state subs-state--${state}`} title={title}>
      {jobStateWord(t, state)}
    </span>
  );
}
