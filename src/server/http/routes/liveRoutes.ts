/**
 * Live events for pages. GET /api/live is a WebSocket: the client sends
 * `{"type":"subscribe","group":"submission:<id>","since":<event id>}` (since: optional, the last id it
 * saw) and gets `{"type":"event","group",...,"event"}` for every stored event of the group, once and in
 * order, replayed first when `since` is given. GET /api/live/sse?group=... is the same as Server-Sent
 * Events for networks whose proxy blocks WebSocket; a browser's reconnect sends Last-Event-ID.
 * Every subscription is checked against the permission rules: a submission's group only for those
 * who may read it (others hear "no submission", as for one that does not exist); an instrument's
 * whole queue for its staff, and for others only the events of submissions they may read; "mine"
 * for the submissions the user sent, and "all" for every submission they may read. Anonymous clients are refused with
 * 401 at the handshake. A subscription may ask for some kinds only (`kinds`: a list page wants states,
 * not log batches), and a client that falls too far behind is disconnected, to resume with `since`.
 * A `since` below the retention horizon (its events were swept) is answered with a resync signal
 * (WebSocket `{"type":"resync"}`, SSE `event: resync`): the client reloads its snapshot and follows
 * since the snapshot's event id.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decide, mayRead, type Principal } from '../../auth/index';
import type { Instrument } from '../../instruments/index';
import { type EventHub, parseGroup, ResyncNeeded } from '../../live/index';
import type { EventFilter, LiveEvent, StoredSubmission } from '../../store/index';
import type { SubmissionService } from '../../submissions/index';
import { demandSignedIn, refOf } from '../guard';
import { HttpProblem, wordedProblem } from '../HttpProblem';
import { problemResponse } from './apiSchemas';
import { coalescedWrites, eventJson, wireFrameOf } from './liveFrames';

/** What a subscription reads, and, when the asker may not read all of it, which events pass. */
interface Allowed {
  readonly filter: EventFilter;
  /** Per event, in order; undefined: every event of the filter. */
  readonly check?: (event: LiveEvent) => Promise<boolean>;
}

/**
 * Sends the events that pass `check` in the order given: each check waits for the one before, so an
 * answer from the cache never overtakes one that reads the store.
 */
function ordered(allowed: Allowed, write: (event: LiveEvent) => void): (event: LiveEvent) => void {
  const check = allowed.check;
  if (!check) return write;
  let chain = Promise.resolve();
  return (event) => {
    chain = chain.then(
      () => check(event).then((ok) => (ok ? write(event) : undefined)),
      () => {},
    );
  };
}

type Kind = LiveEvent['kind'];
const KINDS: readonly Kind[] = ['state', 'log', 'curve'];

/**
 * Which kinds of event a client wants (a list page wants states, not every log batch); throws a
 * message for the client. Filtered here, after the hub: the subscription's cursor still passes every
 * event of the group, so a resume from the last id it got is exact.
 */
function kindsOf(value: unknown): ReadonlySet<Kind> | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((k) => KINDS.includes(k as Kind)))
    throw new Error('kinds must list some of "state", "log" and "curve"');
  return new Set(list as Kind[]);
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

/** The resync signal, the same body on both transports. */
const resyncMessage = (group: string, error: ResyncNeeded) => ({
  type: 'resync',
  group,
  since: error.since,
  horizon: error.horizon,
  detail: error.message,
});

/** WebSocket close code 1013, "try again later": the client reconnects and resumes. */
const TOO_SLOW = 1013;

export function liveRoutes(app: FastifyInstance, options: LiveRouteOptions): void {
  const { hub, submissions, instruments } = options;
  const maxBuffered = options.maxBufferedBytes ?? 16 * 1024 * 1024;

  /**
   * Per subscription: does the event's submission pass `test`? Answers are cached per submission, so
   * a submission is read once per subscription, not once per event.
   */
  const submissionCheck = (test: (submission: StoredSubmission) => boolean) => {
    const known = new Map<string, boolean>();
    return async (event: LiveEvent): Promise<boolean> => {
      let ok = known.get(event.submissionId);
      if (ok === undefined) {
        const s = await submissions.get(event.submissionId);
        ok = s !== undefined && test(s);
        known.set(event.submissionId, ok);
      }
      return ok;
    };
  };
  /** May this principal read the event's submission? */
  const readableCheck = (principal: Principal) => submissionCheck((s) => mayRead(principal, refOf(s)));
  /** Did this principal send the event's submission? */
  const ownCheck = (principal: Principal) => submissionCheck((s) => s.submitter === principal.username);

  /** Throws a message for the client when the group may not be followed. */
  const allowed = async (text: unknown, principal: Principal): Promise<Allowed> => {
    const group = parseGroup(text);
    // "mine" is what the user sent, as GET /api/submissions?mine=true; "all" every readable one.
    if (group.kind === 'mine') return { filter: {}, check: ownCheck(principal) };
    if (group.kind === 'all')
      return { filter: {}, check: principal.admin ? undefined : readableCheck(principal) };
    if (group.kind === 'instrument') {
      if (!instruments.has(group.id)) throw new Error(`no instrument "${group.id}"`);
      const whole = decide(principal, { kind: 'watch-instrument', instrument: group.id }).allow;
      return { filter: { instrument: group.id }, check: whole ? undefined : readableCheck(principal) };
    }
    // Missing and not readable read the same: the group's existence does not leak.
    const found = await submissions.get(group.id);
    if (!found || !decide(principal, { kind: 'read', submission: refOf(found) }).allow)
      throw new Error(`no submission "${group.id}"`);
    return { filter: { submissionIds: [group.id] } };
  };

  /**
   * The handshake: anonymous 401; a token without the read scope 403; a browser page from another
   * origin riding the user's cookie (cross-site WebSocket hijacking) 403.
   */
  const admit = async (request: FastifyRequest) => {
    demandSignedIn(request);
    const decision = decide(request.principal, { kind: 'list' });
    if (!decision.allow) throw wordedProblem(403, 'forbidden', 'Not allowed', decision.words);
    const via = request.principal.via;
    const origin = request.headers.origin;
    if ((via === 'session' || via === 'sso') && origin !== undefined) {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== request.headers.host)
        throw wordedProblem(403, 'cross-origin', 'Cross-origin refused', {
          key: 'problem.crossOrigin',
          values: { origin: origin.slice(0, 200) },
        });
    }
  };

  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });

  app.get(
    '/api/live',
    { websocket: true, schema: { hide: true } as never, preHandler: admit },
    (socket, request) => {
      const principal = request.principal;
      const groups = new Map<string, Promise<() => void>>();
      const write = coalescedWrites(socket, Math.min(64 * 1024, maxBuffered / 2));
      const send = (message: unknown) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      };
      socket.on('message', (data) => {
        let message: { type?: unknown; group?: unknown; since?: unknown; kinds?: unknown; compact?: unknown };
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
          send({
            type: 'error',
            group: name,
            detail: 'since must be an event id (an integer of at least 0)',
          });
          return;
        }
        let kinds: ReadonlySet<Kind> | undefined;
        try {
          kinds = kindsOf(message.kinds);
        } catch (error) {
          send({ type: 'error', group: name, detail: (error as Error).message });
          return;
        }
        if (message.compact !== undefined && typeof message.compact !== 'boolean') {
          send({ type: 'error', group: name, detail: 'compact must be true or false' });
          return;
        }
        const compact = message.compact === true;
        if (groups.has(name)) {
          send({ type: 'error', group: name, detail: `already subscribed to "${name}"` });
          return;
        }
        const subscribing = allowed(message.group, principal).then(async (rule) => {
          send({ type: 'subscribed', group: name, since: since ?? null });
          return hub.subscribe(
            {
              filter: rule.filter,
              send: ordered(rule, (event) => {
                if (kinds && !kinds.has(event.kind)) return;
                if (socket.readyState !== socket.OPEN) return;
                if (socket.bufferedAmount > maxBuffered) {
                  socket.close(TOO_SLOW, 'too far behind: reconnect with since');
                  return;
                }
                write(wireFrameOf(name, event, compact));
              }),
            },
            since as number | undefined,
          );
        });
        groups.set(name, subscribing);
        subscribing.catch((error: unknown) => {
          groups.delete(name);
          if (error instanceof ResyncNeeded) send(resyncMessage(name, error));
          else send({ type: 'error', group: name, detail: (error as Error).message });
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
    },
  );

  app.get<{ Querystring: { group: string; since?: number; kinds?: string } }>(
    '/api/live/sse',
    {
      preHandler: admit,
      schema: {
        summary: "A group's events as Server-Sent Events (id: the event id; Last-Event-ID resumes)",
        tags: ['live'],
        querystring: {
          type: 'object',
          required: ['group'],
          properties: {
            group: { type: 'string', description: 'submission:<id>, instrument:<id>, mine or all' },
            kinds: { type: 'string', description: 'state, log or state,log (default: both)' },
            since: {
              type: 'integer',
              minimum: 0,
              description: 'the last event id seen (else Last-Event-ID)',
            },
          },
        },
        response: {
          400: problemResponse('Unknown or refused group'),
          401: problemResponse('Not signed in and no API token'),
        },
      },
    },
    async (request, reply) => {
      let rule: Allowed;
      let kinds: ReadonlySet<Kind> | undefined;
      try {
        kinds = kindsOf(request.query.kinds);
        rule = await allowed(request.query.group, request.principal);
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
      let stop: () => void;
      try {
        stop = await hub.subscribe(
          {
            filter: rule.filter,
            send: ordered(rule, (event) => {
              if (kinds && !kinds.has(event.kind)) return;
              if (raw.writableEnded) return;
              // Too far behind: end the stream; the browser reconnects with Last-Event-ID.
              if (raw.writableLength > maxBuffered) {
                raw.end();
                return;
              }
              raw.write(
                `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(eventJson(event))}\n\n`,
              );
            }),
          },
          since,
        );
      } catch (error) {
        // The stream ends after the signal; the page closes it and reloads (no automatic reconnect).
        if (error instanceof ResyncNeeded)
          raw.end(`event: resync\ndata: ${JSON.stringify(resyncMessage(request.query.group, error))}\n\n`);
        else raw.end(`event: error\ndata: ${JSON.stringify({ detail: (error as Error).message })}\n\n`);
        streams.delete(raw);
        return;
      }
      const beat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      raw.on('close', () => {
        clearInterval(beat);
        streams.delete(raw);
        stop();
      });
    },
  );
}
