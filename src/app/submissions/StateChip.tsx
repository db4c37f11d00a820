/** A job or submission state as a coloured word (the colour repeats the word, never replaces it). */
import type { ReactNode } from 'react';
import { isJobState } from '../../forms/index';
import { useT } from '../../widgets/index';

export function StateChip({ state, title }: { state: string; title?: string }): ReactNode {
  const t = useT();
  return (
    <span className={`subs-state subs-state--${state}`} title={title}>
      {isJobState(state) ? t(`portal.state.${state}`) : state}
    </span>
  );
}
