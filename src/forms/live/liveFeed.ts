/**
 * Follows one live group of the Formulary service (GET /api/live, WebSocket) and falls back to
 * Server-Sent Events (GET /api/live/sse) by itself when a WebSocket cannot be opened or a proxy drops
 * it before the server confirms the subscription. Reconnects resume from the last event id seen, and
 * an id at or below it is dropped, so the page gets every event once and in order. When the server
 * no longer keeps the events after that id (retention), it sends a resync signal: the page reloads
 * its snapshot (onResync), or, without a handler, the feed follows from now on and says so through
 * onReady(false). When the user signs out (WebSocket close 4401, SSE `signedout`) or loses the right
 * to follow the group (`ended`), the feed stops for good, says why and calls onEnded: no reconnect.
 * No React here: the portal's pages and the embed both use it.
 */

import { expandLogRuns } from './expandLogRuns';

export type LiveKind = 'state' | 'log' | 'curve';

/** One stored event as the service sends it (see docs/server.md, "Live events"). */
export interface LiveEvent {
  readonly id: number;
  readonly submissionId: string;
  readonly instrument: string;
  readonly jobId: string;
  readonly attempt: number;
  readonly kind: LiveKind;
  readonly payload: unknown;
  readonly createdAt: string;
}

export interface LiveStatus {
  readonly transport: 'websocket' | 'sse';
  /** The server confirmed the subscription: events flow. */
  readonly connected: boolean;
  /** Why the last connection ended or was refused, for the page to show. */
  readonly problem?: string;
  /** The problem as catalogue words (form.live.problem.*), when they are ours rather than the server's. */
  readonly problemWhy?: { readonly key: string; readonly values?: Readonly<Record<string, string>> };
  /** The feed stopped for good (signed out, or the group refused): nothing reconnects. */
  readonly ended?: true;
}

type ProblemWhy = NonNullable<LiveStatus['problemWhy']>;

export interface LiveFeedOptions {
  /** The service's API root, e.g. `https://host/api/` (the page's own `api/` by default). */
  readonly api?: string;
  /** `submission:<id>`, `instrument:<id>` or `all`. */
  readonly group: string;
  /** Replay what followed this event id (0: everything); absent: from now on. */
  readonly since?: number;
  /** Only these kinds (a list wants `state`); absent: every kind. */
  readonly kinds?: readonly LiveKind[];
  /** `sse` skips the WebSocket (a page parameter, and the tests). */
  readonly transport?: 'auto' | 'sse';
  onEvent(event: LiveEvent): void;
  /**
   * Each time the server confirms the subscription. `resumed` is false when nothing was seen yet and
   * no `since` was given: events may have passed meanwhile, so the page should read its snapshot now.
   */
  onReady?(resumed: boolean): void;
  onStatus?(status: LiveStatus): void;
  /**
   * The server no longer keeps the events after the id asked for: reload the snapshot and open a new
   * feed since its event id. The feed is closed when this is called. Absent: the feed resubscribes
   * from now on and calls onReady(false).
   */
  onResync?(detail: string): void;
  /**
   * The feed stopped for good: `signedOut` (the session or token names nobody any more: the page
   * behaves as signed out) or `ended` (the user may no longer follow this group). Not reconnected.
   */
  onEnded?(why: 'signedOut' | 'ended', detail: string): void;
}

/** The server's WebSocket close code for a credential that names nobody any more. */
export const SIGNED_OUT_CODE = 4401;

export interface LiveFeed {
  /** The last event id delivered (undefined before the first). */
  readonly lastId: number | undefined;
  close(): void;
}

/** WebSocket attempts that end before the subscription is confirmed, in a row, before SSE takes over. */
const WEBSOCKET_TRIES = 2;
const MAX_BACKOFF_MS = 10_000;

/** Opens the feed; call close() when the page goes. */
export function followLive(options: LiveFeedOptions): LiveFeed {
  const api = new URL(options.api ?? 'api/', document.baseURI);
  let lastId = options.since;
  let closed = false;
  let transport: LiveStatus['transport'] = options.transport === 'sse' ? 'sse' : 'websocket';
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop: (() => void) | undefined;

  const status = (connected: boolean, problem?: string, why?: ProblemWhy, ended?: true) =>
    options.onStatus?.({
      transport,
      connected,
      ...(ended ? { ended } : {}),
      ...(problem === undefined ? {} : { problem }),
      ...(why === undefined ? {} : { problemWhy: why }),
    });

  const deliver = (event: LiveEvent) => {
    if (lastId !== undefined && event.id <= lastId) return; // a replay overlapping what we have
    lastId = event.id;
    options.onEvent(event);
  };

  const ready = () => {
    failures = 0;
    status(true);
    options.onReady?.(lastId !== undefined);
  };

  const resync = (detail: string) => {
    if (closed) return;
    if (options.onResync) {
      closed = true;
      stop?.();
      stop = undefined;
      options.onResync(detail);
      return;
    }
    stop?.();
    stop = undefined;
    lastId = undefined;
    timer = setTimeout(connect, 0);
  };

  /** Stops for good: the server says the user may not follow this any more. */
  const finish = (kind: 'signedOut' | 'ended', detail: string) => {
    if (closed) return;
    closed = true;
    stop?.();
    stop = undefined;
    status(
      false,
      detail,
      {
        key: kind === 'signedOut' ? 'form.live.problem.signedOut' : 'form.live.problem.ended',
        values: { group: options.group },
      },
      true,
    );
    options.onEnded?.(kind, detail);
  };

  const retry = (problem: string, why?: ProblemWhy) => {
    stop?.();
    stop = undefined;
    if (closed) return;
    failures += 1;
    if (transport === 'websocket' && failures >= WEBSOCKET_TRIES) {
      transport = 'sse';
      failures = 0;
    }
    status(false, problem, why);
    const wait = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures, 6));
    timer = setTimeout(connect, transport === 'sse' && failures === 0 ? 0 : wait);
  };

  const openWebSocket = () => {
    const url = new URL('live', api);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      retry(`WebSocket refused: ${(error as Error).message}`, { key: 'form.live.problem.wsRefused' });
      return;
    }
    let confirmed = false;
    let ended = false;
    const end = (problem: string, why?: ProblemWhy) => {
      if (ended) return;
      ended = true;
      // A socket that never confirmed counts towards the fallback; one that worked just reconnects.
      if (confirmed) failures = 0;
      retry(problem, why);
    };
    socket.onopen = () => {
      const subscribe: Record<string, unknown> = { type: 'subscribe', group: options.group };
      if (lastId !== undefined) subscribe.since = lastId;
      if (options.kinds) subscribe.kinds = options.kinds;
      // Log batches as runs of lines (a third of the bytes for short lines), expanded on arrival.
      subscribe.compact = true;
      socket.send(JSON.stringify(subscribe));
    };
    socket.onmessage = (message) => {
      let data: { type?: string; event?: LiveEvent; detail?: string; group?: string };
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (data.type === 'subscribed') {
        confirmed = true;
        ready();
      } else if (data.type === 'event' && data.event) deliver(expandLogRuns(data.event));
      else if (data.type === 'ended' && data.group === options.group)
        finish('ended', data.detail ?? `no longer allowed to follow ${options.group}`);
      else if (data.type === 'resync') resync(data.detail ?? 'the events asked for are no longer kept');
      // The server's detail (a protocol message for developers) stays English in `problem`; the page
      // says it in its own words.
      else if (data.type === 'error')
        status(confirmed, data.detail ?? 'the server refused the subscription', {
          key: 'form.live.problem.subscriptionRefused',
        });
    };
    socket.onerror = () => end('the WebSocket connection failed', { key: 'form.live.problem.wsFailed' });
    socket.onclose = (event) =>
      event.code === SIGNED_OUT_CODE
        ? finish('signedOut', event.reason || 'signed out')
        : end(`the WebSocket closed (${event.code})`, {
            key: 'form.live.problem.wsClosed',
            values: { code: String(event.code) },
          });
    stop = () => {
      ended = true;
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      socket.close();
    };
  };

  const openEventSource = () => {
    const url = new URL('live/sse', api);
    url.searchParams.set('group', options.group);
    if (lastId !== undefined) url.searchParams.set('since', String(lastId));
    if (options.kinds) url.searchParams.set('kinds', options.kinds.join(','));
    const source = new EventSource(url);
    const onMessage = (message: MessageEvent) => {
      try {
        deliver(JSON.parse(String(message.data)) as LiveEvent);
      } catch {
        // not an event of ours
      }
    };
    source.addEventListener('state', onMessage);
    source.addEventListener('log', onMessage);
    source.addEventListener('curve', onMessage);
    source.addEventListener('resync', (message) => {
      let detail = 'the events asked for are no longer kept';
      try {
        detail = (JSON.parse(String((message as MessageEvent).data)) as { detail?: string }).detail ?? detail;
      } catch {
        // the default words
      }
      resync(detail);
    });
    for (const kind of ['signedout', 'ended'] as const)
      source.addEventListener(kind, (message) => {
        let detail: string = kind;
        try {
          detail =
            (JSON.parse(String((message as MessageEvent).data)) as { detail?: string }).detail ?? detail;
        } catch {
          // the event's name says enough
        }
        finish(kind === 'signedout' ? 'signedOut' : 'ended', detail);
      });
    // The browser reconnects by itself with Last-Event-ID; each open is a confirmed subscription.
    source.onopen = () => ready();
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED)
        retry('the event stream was refused', { key: 'form.live.problem.sseRefused' });
      else status(false, 'the event stream is reconnecting', { key: 'form.live.problem.sseReconnecting' });
    };
    stop = () => source.close();
  };

  function connect() {
    timer = undefined;
    if (closed) return;
    status(false);
    if (transport === 'websocket' && typeof WebSocket === 'function') openWebSocket();
    else {
      transport = 'sse';
      openEventSource();
    }
  }

  connect();
  return {
    get lastId() {
      return lastId;
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      stop?.();
      stop = undefined;
    },
  };
}
