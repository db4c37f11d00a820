/**
 * Says whether the page is following live events, and over what: the user knows whether what they
 * see can be stale (and a test can tell the SSE fallback took over).
 */
import type { ReactNode } from 'react';
import type { LiveStatus } from '../../forms/index';

export function LiveBadge({ status }: { status: LiveStatus | undefined }): ReactNode {
  const text = !status
    ? 'connecting…'
    : status.connected
      ? `live (${status.transport === 'sse' ? 'Server-Sent Events' : 'WebSocket'})`
      : `reconnecting${status.problem ? `: ${status.problem}` : '…'}`;
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
