/** A job or submission state as a coloured word (the colour repeats the word, never replaces it). */
import type { ReactNode } from 'react';
import { isJobState, STATE_WORDS } from '../../forms/index';

export function StateChip({ state, title }: { state: string; title?: string }): ReactNode {
  return (
    <span className={`subs-state subs-state--${state}`} title={title}>
      {isJobState(state) ? STATE_WORDS[state] : state}
    </span>
  );
}
