/** An attempt's state changes in order, each with its time and message (why it failed, who cancelled). */
import type { ReactNode } from 'react';
import { useLocale, useT } from '../../widgets/index';
import { StateChip } from './StateChip';
import type { AttemptLive } from './SubmissionLive';

export function JobTimeline({ attempt }: { attempt: AttemptLive }): ReactNode {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="subs-timeline" aria-label={t('portal.timeline', { attempt: attempt.attempt })}>
      {attempt.transitions.map((step, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: transitions only append, never reorder
        <li key={i} data-state={step.state}>
          <time dateTime={step.time}>{new Date(step.time).toLocaleTimeString(locale)}</time>{' '}
          <StateChip state={step.state} /> <span className="subs-timeline__message">{step.message}</span>
        </li>
      ))}
    </ol>
  );
}
