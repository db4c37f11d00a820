/**
 * Says whether the page is following live events, and over what: the user knows whether what they
 * see can be stale (and a test can tell the SSE fallback took over).
 */
import type { ReactNode } from 'react';
import type { LiveStatus } from '../../forms/index';
import { useT } from '../../widgets/index';

export function LiveBadge({ status }: { status: LiveStatus | undefined }): ReactNode {
  const t = useT();
  const text = !status
    ? t('portal.live.connecting')
    : status.ended && status.problemWhy
      ? t(status.problemWhy.key, status.problemWhy.values)
      : status.connected
        ? t('portal.live.on', { transport: status.transport === 'sse' ? 'Server-Sent Events' : 'WebSocket' })
        : status.problem
          ? t('portal.live.reconnectingBecause', {
              problem: status.problemWhy
                ? t(status.problemWhy.key, status.problemWhy.values)
                : status.problem,
            })
          : t('portal.live.reconnecting');
  return (
    <span
      className={`subs-live ${status?.connected ? 'subs-live--on' : ''}`}
      data-testid="live-status"
      data-transport={status?.transport ?? ''}
      data-connected={status?.connected ? 'true' : 'false'}
    >
      {text}
    </span>
  );
}
