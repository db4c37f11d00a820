/**
 * The composition root: open the store, compile the instruments, build the HTTP app, listen, and on
 * SIGTERM/SIGINT stop accepting, finish what is in flight and close the database. The only place that
 * knows every part; each part is given what it needs.
 */
import { createWriteStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { AuthService, ensureDemoUsers } from './auth/index';
import type { ServerConfig } from './config/ServerConfig';
import { DefaultsService } from './defaults/index';
import { buildApp } from './http/buildApp';
import { loadInstruments } from './instruments/index';
import { type Dispatcher, LocalDispatcher, StompDispatcher } from './jobs/index';
import { EventHub, startEventRetention } from './live/index';
import { openStore } from './store/index';
import { JobService, SubmissionService } from './submissions/index';

export interface StartOptions {
  /** Install SIGTERM/SIGINT handlers that close gracefully and exit (the CLI does; tests do not). */
  readonly handleSignals?: boolean;
  readonly benchFloor?: boolean;
  readonly failFirstSubmissions?: number;
  /** Bytes a live client may leave unread before it is disconnected to resume with `since` (16 MiB). */
  readonly liveMaxBufferedBytes?: number;
  readonly version?: string;
  /** Log destination other than stdout (tests). */
  readonly logStream?: NodeJS.WritableStream;
  /** `npm start`: create the demo accounts when missing (refused unless listening on loopback). */
  readonly demoUsers?: boolean;
  /**
   * bench:live: append one JSON line per event fanned out here (id, stored, read, sent ms, subscribers)
   * to this file, so the server's share of the latency is measured apart from the clients'.
   */
  readonly liveTimingFile?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly storeKind: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** A database URL with its password hidden, for logs. */
export const redactDb = (db: string): string => db.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  if (options.demoUsers && !LOOPBACK.test(config.host))
    throw new Error(
      `demo users have a published password: serve them on 127.0.0.1 only (host is ${config.host})`,
    );
  const instruments = await loadInstruments({
    dir: config.instrumentsDir,
    load: config.load,
    proposalPointers: config.proposalPointers,
  });
  const store = await openStore({
    db: config.db,
    sqliteSynchronous: config.sqliteSynchronous,
    poolSize: config.poolSize,
  });
  const auth = new AuthService(store.auth, config.auth);
  const demoAdded = options.demoUsers ? await ensureDemoUsers(auth) : [];
  const timingOut = options.liveTimingFile ? createWriteStream(options.liveTimingFile) : undefined;
  const hub = new EventHub(
    store.jobs,
    timingOut
      ? {
          onFanout: (event, readAt, sentAt, subscribers) =>
            timingOut.write(
              `{"id":${event.id},"kind":"${event.kind}","storedAt":${Date.parse(event.createdAt)},"readAt":${readAt},"sentAt":${sentAt},"subscribers":${subscribers}}\n`,
            ),
        }
      : {},
  );
  await hub.start();
  let app!: FastifyInstance;
  const logError = (error: unknown, what: string): void => {
    if (app) app.log.error({ err: error }, `jobs: ${what}`);
    else process.stderr.write(`jobs: ${what}: ${error}\n`);
  };
  // `stomp`: reduction nodes behind the facility's broker run the jobs; the server only follows them.
  const dispatcher: Dispatcher =
    config.jobs.dispatcher === 'stomp'
      ? new StompDispatcher({
          config: config.jobs,
          recorder: store.jobs,
          lookup: {
            latest: async (jobId) => {
              const last = (await store.jobs.getJob(jobId))?.attempts.at(-1);
              return (
                last && {
                  attempt: last.attempt,
                  state: last.state,
                  runnerId: last.runnerId,
                  lastSeq: last.lastSeq,
                }
              );
            },
          },
          ledger: store.dispatch,
          onError: (error, what) => logError(error, `broker: ${what}`),
          onState: (connected, detail) => {
            if (app)
              app.log[connected ? 'info' : 'warn']({ broker: config.jobs.broker.url }, `broker: ${detail}`);
          },
        })
      : new LocalDispatcher({
          config: config.jobs,
          recorder: store.jobs,
          runnerId: config.runnerId,
          onError: (error, what) => logError(error, `could not record ${what}`),
        });
  const jobs = new JobService({
    jobs: store.jobs,
    dispatcher,
    config: config.jobs,
    runnerId: config.runnerId,
  });
  const service = new SubmissionService({
    store,
    keyRetentionMs: config.keyRetentionHours * 3600_000,
    // The jobs commit with the submission (queued); the 201 waits for the dispatcher to take them. A
    // replay, or a request whose jobs could not be planned, goes through startJobs: a failure leaves
    // the submission accepted, and jobs stored but never queued are queued at the next start
    // (JobService.recover).
    planJobs: (instrument, request) => jobs.planAccepted(instrument, request),
    onAccepted: (submission) =>
      (submission.jobs === undefined ? jobs.startJobs(submission) : jobs.queueStored(submission.jobs)).then(
        () => {},
        (error: unknown) => {
          logError(error, `could not start the jobs of submission ${submission.id}`);
        },
      ),
  });
  try {
    app = await buildApp({
      instruments,
      service,
      auth,
      defaults: new DefaultsService(store.defaults),
      jobs,
      hub,
      instrumentsDir: config.instrumentsDir,
      portalDir: config.portalDir,
      bodyLimit: config.bodyLimit,
      logger: {
        level: config.logLevel,
        ...(options.logStream ? { stream: options.logStream } : {}),
      } as never,
      benchFloor: options.benchFloor,
      failFirstSubmissions: options.failFirstSubmissions,
      liveMaxBufferedBytes: options.liveMaxBufferedBytes,
      version: options.version,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  // Keys past their retention are forgotten every hour (and at start); submissions stay.
  const purge = () =>
    service.purgeExpiredKeys().then(
      (n) => n > 0 && app.log.info({ purged: n }, 'expired idempotency keys removed'),
      (error: unknown) => app.log.error({ err: error }, 'purging expired keys failed'),
    );
  const purgeSessions = () =>
    store.auth.purgeSessions(new Date().toISOString()).catch((error: unknown) => {
      app.log.error({ err: error }, 'purging expired sessions failed');
    });
  const timer = setInterval(
    () => {
      void purge();
      void purgeSessions();
      if (demoAdded.length > 0) app.log.info({ users: demoAdded }, 'demo users created');
      void purgeSessions();
    },
    Math.min(3600_000, config.keyRetentionHours * 3600_000),
  );
  timer.unref();
  void purge();
  void purgeSessions();
  // The replay feed keeps `eventRetentionDays` of finished jobs' events; logs and transitions stay.
  const stopSweeping = startEventRetention(store.jobs, {
    retentionDays: config.eventRetentionDays,
    ...(config.eventSweepSeconds === undefined ? {} : { everyMs: config.eventSweepSeconds * 1000 }),
    onSwept: (result) =>
      result.deleted > 0 && app.log.info({ ...result }, 'events past their retention removed'),
    onError: (error) => app.log.error({ err: error }, 'the event retention sweep failed'),
  });
  if (demoAdded.length > 0) app.log.info({ users: demoAdded }, 'demo users created');
  // Running jobs are stopped and recorded interrupted (queued again for the next start) before the
  // database closes; requests in flight finish meanwhile.
  app.addHook('preClose', async () => {
    await jobs.close();
    hub.close();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await stopSweeping();
    await store.close();
    timingOut?.end();
  });
  const recovered = await jobs.recover();
  if (Object.values(recovered).some((ids) => ids.length > 0)) app.log.info({ recovered }, 'jobs recovered');
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  app.log.info(
    { url, db: redactDb(config.db), store: store.kind, instruments: [...instruments.keys()] },
    'listening',
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= app.close();
    return closing;
  };
  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        app.log.info({ signal }, 'already shutting down');
        return;
      }
      app.log.info({ signal }, 'shutting down: finishing requests in flight, then closing the database');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { url, app, storeKind: store.kind, close };
}
