/**
 * Live events for pages. GET /api/live is a WebSocket: the client sends
 * `{"type":"subscribe","group":"submission:<id>","since":<event id>}` (since: optional, the last id it
 * saw) and gets `{"type":"event","group",...,"event"}` for every stored event of the group, once and in
 * order, replayed first when `since` is given. GET /api/live/sse?group=... is the same as Server-Sent
 * Events for networks whose proxy blocks WebSocket; a browser's reconnect sends Last-Event-ID.
 * A subscription is allowed by the rule for reading the submission (today: anyone who may read it).
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Instrument } from '../../instruments/index';
import { type EventHub, type LiveGroup, parseGroup } from '../../live/index';
import type { EventFilter, LiveEvent } from '../../store/index';
import type { SubmissionService } from '../../submissions/index';
import { HttpProblem } from '../HttpProblem';
import { problemResponse } from './apiSchemas';

const filterOf = (group: LiveGroup): EventFilter =>
  group.kind === 'submission'
    ? { submissionIds: [group.id] }
    : group.kind === 'instrument'
      ? { instrument: group.id }
      : {};

type Kind = LiveEvent['kind'];
const KINDS: readonly Kind[] = ['state', 'log'];

/**
 * Which kinds of event a client wants (a list page wants states, not every log batch); throws a
 * message for the client. Filtered here, after the hub: the subscription's cursor still passes every
 * event of the group, so a resume from the last id it got is exact.
 */
function kindsOf(value: unknown): ReadonlySet<Kind> | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((k) => KINDS.includes(k as Kind)))
    throw new Error('kinds must list "state" and/or "log"');
  return new Set(list as Kind[]);
}

const eventJson = (e: LiveEvent) => ({
  id: e.id,
  submissionId: e.submissionId,
  instrument: e.instrument,
  jobId: e.jobId,
  attempt: e.attempt,
  kind: e.kind,
  payload: e.payload,
  createdAt: e.createdAt,
});

/**
 * The hub hands the same event object to every subscriber: its text per group is built once, not once
 * per socket (with 1,000 clients on a group, JSON.stringify per socket was the server's largest cost).
 */
const framed = new WeakMap<LiveEvent, Map<string, string>>();
function frameOf(group: string, event: LiveEvent): string {
  let byGroup = framed.get(event);
  if (!byGroup) {
    byGroup = new Map();
    framed.set(event, byGroup);
  }
  let text = byGroup.get(group);
  if (text === undefined) {
    text = JSON.stringify({ type: 'event', group, event: eventJson(event) });
    byGroup.set(group, text);
  }
  return text;
}

export interface LiveRouteOptions {
  readonly hub: EventHub;
  readonly submissions: SubmissionService;
  readonly instruments: ReadonlyMap<string, Instrument>;
  /**
   * A client that leaves more than this unread (a stalled tab, a slow link under a chatty job) is
   * disconnected instead of growing the server's memory without bound; it resumes with `since` /
   * Last-Event-ID and loses nothing. Default 16 MiB: above the replay of one 10 MB log.
   */
  readonly maxBufferedBytes?: number;
}

/** WebSocket close code 1013, "try again later": the client reconnects and resumes. */
const TOO_SLOW = 1013;

export function liveRoutes(app: FastifyInstance, options: LiveRouteOptions): void {
  const { hub, submissions, instruments } = options;
  const maxBuffered = options.maxBufferedBytes ?? 16 * 1024 * 1024;

  /** Throws a message for the client when the group may not be followed. */
  const allowed = async (text: unknown): Promise<LiveGroup> => {
    const group = parseGroup(text);
    if (group.kind === 'instrument' && !instruments.has(group.id))
      throw new Error(`no instrument "${group.id}"`);
    // The rule for reading a submission: it exists (the permissions issue narrows who may read it).
    if (group.kind === 'submission' && !(await submissions.get(group.id)))
      throw new Error(`no submission "${group.id}"`);
    return group;
  };

  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });

  app.get('/api/live', { websocket: true, schema: { hide: true } as never }, (socket) => {
    const groups = new Map<string, Promise<() => void>>();
    const send = (message: unknown) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    socket.on('message', (data) => {
      let message: { type?: unknown; group?: unknown; since?: unknown; kinds?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        send({ type: 'error', detail: 'each message must be JSON' });
        return;
      }
      const name = typeof message.group === 'string' ? message.group : String(message.group);
      if (message.type === 'unsubscribe') {
        void groups.get(name)?.then((stop) => stop());
        groups.delete(name);
        send({ type: 'unsubscribed', group: name });
        return;
      }
      if (message.type !== 'subscribe') {
        send({ type: 'error', detail: 'type must be "subscribe" or "unsubscribe"' });
        return;
      }
      const since = message.since;
      if (since !== undefined && !(Number.isInteger(since) && (since as number) >= 0)) {
        send({ type: 'error', group: name, detail: 'since must be an event id (an integer of at least 0)' });
        return;
      }
      let kinds: ReadonlySet<Kind> | undefined;
      try {
        kinds = kindsOf(message.kinds);
      } catch (error) {
        send({ type: 'error', group: name, detail: (error as Error).message });
        return;
      }
      if (groups.has(name)) {
        send({ type: 'error', group: name, detail: `already subscribed to "${name}"` });
        return;
      }
      const subscribing = allowed(message.group).then(async (group) => {
        send({ type: 'subscribed', group: name, since: since ?? null });
        return hub.subscribe(
          {
            filter: filterOf(group),
            send: (event) => {
              if (kinds && !kinds.has(event.kind)) return;
              if (socket.readyState !== socket.OPEN) return;
              if (socket.bufferedAmount > maxBuffered) {
                socket.close(TOO_SLOW, 'too far behind: reconnect with since');
                return;
              }
              socket.send(frameOf(name, event));
            },
          },
          since as number | undefined,
        );
      });
      groups.set(name, subscribing);
      subscribing.catch((error: unknown) => {
        groups.delete(name);
        send({ type: 'error', group: name, detail: (error as Error).message });
      });
    });
    socket.on('close', () => {
      for (const subscribing of groups.values())
        void subscribing.then(
          (stop) => stop(),
          () => {},
        );
      groups.clear();
    });
  });

  app.get<{ Querystring: { group: string; since?: number; kinds?: string } }>(
    '/api/live/sse',
    {
      schema: {
        summary: "A group's events as Server-Sent Events (id: the event id; Last-Event-ID resumes)",
        tags: ['live'],
        querystring: {
          type: 'object',
          required: ['group'],
          properties: {
            group: { type: 'string', description: 'submission:<id>, instrument:<id> or all' },
            kinds: { type: 'string', description: 'state, log or state,log (default: both)' },
            since: {
              type: 'integer',
              minimum: 0,
              description: 'the last event id seen (else Last-Event-ID)',
            },
          },
        },
        response: { 400: problemResponse('Unknown or refused group') },
      },
    },
    async (request, reply) => {
      let group: LiveGroup;
      let kinds: ReadonlySet<Kind> | undefined;
      try {
        kinds = kindsOf(request.query.kinds);
        group = await allowed(request.query.group);
      } catch (error) {
        throw new HttpProblem(400, 'invalid-group', 'Invalid group', (error as Error).message);
      }
      const header = request.headers['last-event-id'];
      const lastId = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
      const since = lastId ?? request.query.since;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 2000\n\n');
      streams.add(raw);
      const stop = await hub.subscribe(
        {
          filter: filterOf(group),
          send: (event) => {
            if (kinds && !kinds.has(event.kind)) return;
            if (raw.writableEnded) return;
            // Too far behind: end the stream; the browser reconnects with Last-Event-ID.
            if (raw.writableLength > maxBuffered) {
              raw.end();
              return;
            }
            raw.write(`id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(eventJson(event))}\n\n`);
          },
        },
        since,
      );
      const beat = setInterval(() => raw.writableEnded || raw.write(': keep-alive\n\n'), 15_000);
      raw.on('close', () => {
        clearInterval(beat);
        streams.delete(raw);
        stop();
      });
    },
  );
}
