/** An attempt's state changes in order, each with its time and message (why it failed, who cancelled). */
import type { ReactNode } from 'react';
import { StateChip } from './StateChip';
import type { AttemptLive } from './SubmissionLive';

export function JobTimeline({ attempt }: { attempt: AttemptLive }): ReactNode {
  return (
    <ol className="subs-timeline" aria-label={`Timeline of attempt ${attempt.attempt}`}>
      {attempt.transitions.map((t, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: transitions only append, never reorder
        <li key={i} data-state={t.state}>
          <time dateTime={t.time}>{new Date(t.time).toLocaleTimeString()}</time> <StateChip state={t.state} />{' '}
          <span className="subs-timeline__message">{t.message}</span>
        </li>
      ))}
    </ol>
  );
}
