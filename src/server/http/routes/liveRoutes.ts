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
 * since the snapshot's event id. A connection follows its user's current rights, not those of the
 * moment it opened (AccessWatch): a credential that names nobody any more closes it (4401), a group
 * now refused ends (`ended`), the others go on without a gap.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decide } from '../../auth/index';
import type { Instrument } from '../../instruments/index';
import { AccessWatch, type EventHub, type PrincipalsFeed, ResyncNeeded } from '../../live/index';
import type { LiveEvent } from '../../store/index';
import type { SubmissionService } from '../../submissions/index';
import { demandSignedIn } from '../guard';
import { HttpProblem, wordedProblem } from '../HttpProblem';
import { type Credential, SESSION_ENDED } from '../plugins/authentication';
import { problemResponse } from './apiSchemas';
import { type Allowed, liveAccess, reconsider } from './liveAccess';
import { coalescedWrites, eventJson, wireFrameOf } from './liveFrames';

/** One followed group: its rule now (swapped when rights change) and whether it has ended. */
interface Following {
  rule: Allowed | undefined;
  stopped: boolean;
}

/**
 * Sends the events that pass the group's current check in the order given: each check waits for the
 * one before, so an answer from the cache never overtakes one that reads the store. The check is the
 * one in force when the event's turn comes, so a change of rights counts from the next event on.
 */
function ordered(following: Following, write: (event: LiveEvent) => void): (event: LiveEvent) => void {
  let chain = Promise.resolve();
  let pending = 0;
  return (event) => {
    if (following.stopped) return;
    if (pending === 0 && !following.rule?.check) {
      write(event);
      return;
    }
    pending++;
    chain = chain
      .then(async () => {
        const check = following.rule?.check;
        if (following.stopped || (check && !(await check(event)))) return;
        if (!following.stopped) write(event);
      })
      .catch(() => {})
      .finally(() => {
        pending--;
      });
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
  /** Where rights changes are heard (AuthService): open connections follow the user's current rights. */
  readonly auth: PrincipalsFeed;
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
/**
 * WebSocket close code 4401 (the application range, after HTTP's 401): the credential names nobody
 * any more (sign-out, an ended session, a revoked token, a disabled account). The page shows the
 * reason and behaves as signed out: it does not reconnect.
 */
export const SIGNED_OUT = 4401;

/** A close reason fits 123 bytes. */
const closeReason = (text: string) =>
  Buffer.from(text)
    .subarray(0, 123)
    .toString()
    .replace(/\uFFFD$/, '');

export function liveRoutes(app: FastifyInstance, options: LiveRouteOptions): void {
  const { hub, submissions, instruments } = options;
  const maxBuffered = options.maxBufferedBytes ?? 16 * 1024 * 1024;

  const access = liveAccess(submissions, instruments);
  const watch = new AccessWatch(options.auth, {
    onError: (error) =>
      app.log.warn({ err: error }, 'live: re-checking rights failed; retried at the next poll'),
  });
  let watching: Promise<void> | undefined;
  /** Follows the user's current rights for one connection; returns the function that stops it. */
  const follow = async (credential: Credential | undefined, recheck: () => Promise<void>) => {
    watching ??= watch.start();
    await watching;
    const unwatch = watch.watch(recheck);
    // A session or token lapses by itself, without a change in the database: re-check then.
    let timer: NodeJS.Timeout | undefined;
    let ended = false;
    const arm = () => {
      if (ended || credential?.expiresAt === undefined) return;
      const due = Date.parse(credential.expiresAt) - Date.now();
      if (due < 0) return; // lapsed: the re-check at its time has run (or it was past at the open)
      // setTimeout holds at most 2^31-1 ms (24.8 days): a longer token re-arms when that fires.
      timer = setTimeout(() => void recheck().then(arm, arm), Math.min(due + 50, 2 ** 31 - 1));
      timer.unref();
    };
    arm();
    return () => {
      ended = true;
      unwatch();
      if (timer) clearTimeout(timer);
    };
  };
  /** Who the connection's credential names now, or undefined once it names nobody. */
  const currentOf = async (credential: Credential | undefined) =>
    credential ? credential.current() : ({ reason: SESSION_ENDED } as const);

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
    watch.close();
    for (const stream of streams) stream.end();
  });

  app.get(
    '/api/live',
    { websocket: true, schema: { hide: true } as never, preHandler: admit },
    (socket, request) => {
      let principal = request.principal;
      const credential = request.credential;
      /** Each group followed: its rule and the hub subscription's stop function (once subscribed). */
      const groups = new Map<string, { following: Following; stop: Promise<() => void> }>();
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
          const held = groups.get(name);
          if (held) held.following.stopped = true;
          void held?.stop.then((stop) => stop());
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
        const following: Following = { rule: undefined, stopped: false };
        const asked = principal;
        const subscribing = access(message.group, asked).then(async (first) => {
          // Rights changed while it was decided: decide again with the current ones.
          const rule = principal === asked ? first : await access(message.group, principal);
          following.rule = rule;
          send({ type: 'subscribed', group: name, since: since ?? null });
          return hub.subscribe(
            {
              filter: rule.filter,
              send: ordered(following, (event) => {
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
        groups.set(name, { following, stop: subscribing });
        subscribing.catch((error: unknown) => {
          following.stopped = true;
          if (groups.get(name)?.following === following) groups.delete(name);
          if (error instanceof ResyncNeeded) send(resyncMessage(name, error));
          else send({ type: 'error', group: name, detail: (error as Error).message });
        });
      });
      /**
       * After a change of rights: a credential that names nobody closes the socket (SIGNED_OUT); each
       * group is decided again, and one now refused ends with a message naming it; the others keep
       * their place in the feed (no gap, no repeat), with the new check from the next event on.
       */
      const recheck = async () => {
        const now = await currentOf(credential);
        if (!('principal' in now)) {
          for (const { following } of groups.values()) following.stopped = true;
          if (socket.readyState === socket.OPEN) socket.close(SIGNED_OUT, closeReason(now.reason));
          return;
        }
        principal = now.principal;
        for (const [name, { following, stop }] of groups) {
          const before = following.rule;
          if (before === undefined || following.stopped) continue;
          const verdict = await reconsider(access, name, before, principal);
          if (groups.get(name)?.following !== following || following.stopped) continue;
          if ('rule' in verdict) {
            following.rule = verdict.rule;
            continue;
          }
          following.stopped = true;
          groups.delete(name);
          void stop.then((s) => s());
          send({ type: 'ended', group: name, detail: verdict.ended });
        }
      };
      const unfollow = follow(credential, recheck);
      socket.on('close', () => {
        void unfollow.then((stop) => stop());
        for (const { following } of groups.values()) following.stopped = true;
        for (const { stop: subscribing } of groups.values())
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
        rule = await access(request.query.group, request.principal);
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
      const following: Following = { rule, stopped: false };
      let stop: () => void;
      try {
        stop = await hub.subscribe(
          {
            filter: rule.filter,
            send: ordered(following, (event) => {
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
      const group = request.query.group;
      /** As the WebSocket's: the stream ends with `event: signedout` or `event: ended`, never silently. */
      const recheck = async () => {
        if (following.stopped) return;
        const now = await currentOf(request.credential);
        let ending: string | undefined;
        if (!('principal' in now))
          ending = `event: signedout\ndata: ${JSON.stringify({ code: SIGNED_OUT, detail: now.reason })}\n\n`;
        else {
          const verdict = await reconsider(access, group, following.rule!, now.principal);
          if ('rule' in verdict) following.rule = verdict.rule;
          else ending = `event: ended\ndata: ${JSON.stringify({ group, detail: verdict.ended })}\n\n`;
        }
        if (ending === undefined || following.stopped) return;
        following.stopped = true;
        stop();
        if (!raw.writableEnded) raw.end(ending);
      };
      const unfollow = follow(request.credential, recheck);
      const beat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      raw.on('close', () => {
        following.stopped = true;
        void unfollow.then((end) => end());
        clearInterval(beat);
        streams.delete(raw);
        stop();
      });
    },
  );
}
