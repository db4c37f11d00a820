/**
 * The HTTP application: Fastify with our body parser, problem details, OpenAPI, the API routes and
 * the static portal. Takes its collaborators ready-made (instruments, the submission service): it
 * opens nothing itself, so tests and the composition root wire it the same way.
 */
import { randomUUID } from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AuthService } from '../auth/index';
import type { DefaultsService } from '../defaults/index';
import type { Instrument } from '../instruments/index';
import type { EventHub } from '../live/index';
import type { JobService, SubmissionService } from '../submissions/index';
import { installAuthentication } from './plugins/authentication';
import { installJsonBody, type JsonLimits } from './plugins/jsonBody';
import { installLoginAttemptLimit } from './plugins/loginAttemptLimit';
import { installProblemDetails } from './plugins/problemDetails';
import { installStaticFiles } from './plugins/staticFiles';
import { installTestFaults } from './plugins/testFaults';
import { instrumentSchema, problemSchema, receiptSchema, submissionSummarySchema } from './routes/apiSchemas';
import { authRoutes } from './routes/authRoutes';
import { defaultsRoutes } from './routes/defaultsRoutes';
import { floorRoute } from './routes/floorRoute';
import { instrumentRoutes } from './routes/instrumentRoutes';
import { jobOverviewRoutes } from './routes/jobOverviewRoutes';
import { jobRoutes } from './routes/jobRoutes';
import { liveRoutes } from './routes/liveRoutes';
import { snapshotRoutes } from './routes/snapshotRoutes';
import { submissionQueryRoutes } from './routes/submissionQueryRoutes';
import { submitRoute } from './routes/submitRoute';

export interface AppOptions {
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly service: SubmissionService;
  /** Accounts, tokens, single sign-on, the audit log: every route asks the rules through it. */
  readonly auth: AuthService;
  /** Instrument defaults edited by staff: the overlay, its history, the staff-only check's defaults. */
  readonly defaults: DefaultsService;
  /** Jobs of the submissions: routes under /api/jobs and /api/submissions/:id/jobs when given. */
  readonly jobs?: JobService;
  /** Live events: GET /api/live (WebSocket) and /api/live/sse when given. */
  readonly hub?: EventHub;
  /** Bytes a live client may leave unread before it is disconnected to resume with `since` (16 MiB). */
  readonly liveMaxBufferedBytes?: number;
  readonly instrumentsDir: string;
  /** The built portal (dist/app); omitted or missing: the API alone. */
  readonly portalDir?: string;
  /** Largest body in bytes; 1 MB by default. */
  readonly bodyLimit?: number;
  readonly jsonLimits?: Partial<JsonLimits>;
  /** Fastify's pino options, or false for no logs. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Only for `npm run bench:server`: the parse-and-insert floor route. */
  readonly benchFloor?: boolean;
  /** Only for tests: answer the first N submissions 503. */
  readonly failFirstSubmissions?: number;
  readonly version?: string;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // A caller's X-Request-Id is kept when it is sane, so a facility's proxy can follow a request.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // Behind the configured single sign-on proxies, X-Forwarded-For/-Proto from them name the client
    // address (audit, rate limit) and https (Secure cookies); nobody else's forwarded headers count.
    trustProxy: options.auth.config.sso ? [...options.auth.config.sso.proxies] : false,
    // Stop accepting at close, finish what is in flight, drop idle keep-alive sockets.
    forceCloseConnections: 'idle',
  });
  installProblemDetails(app);
  // At close, a request still in flight keeps its keep-alive socket open for up to 72 s after its
  // answer (Fastify closes only the sockets idle at that moment): answer it with Connection: close.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A callback hook: an async one cost every answer a promise and a microtask turn.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  installJsonBody(app, { maxDepth: 64, maxValues: 100_000, ...options.jsonLimits });
  for (const schema of [problemSchema, receiptSchema, submissionSummarySchema, instrumentSchema])
    app.addSchema(schema);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Formulary submission service',
        version: options.version ?? '0.0.0',
        description:
          "Receives reduction requests, validates them with the form's own validator, stores each once.",
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await installAuthentication(app, options.auth);
  installTestFaults(app, options.failFirstSubmissions ?? 0);
  instrumentRoutes(app, options.instruments);
  authRoutes(app, options.auth, await installLoginAttemptLimit(app, options.auth.store, options.auth.config));
  defaultsRoutes(app, options.instruments, options.defaults);
  submitRoute(app, options.instruments, options.service, options.defaults);
  submissionQueryRoutes(app, options.service);
  if (options.jobs) jobRoutes(app, options.service, options.jobs, options.auth);
  if (options.jobs) jobOverviewRoutes(app, options.service, options.jobs);
  if (options.jobs) snapshotRoutes(app, options.service, options.jobs);
  if (options.hub) {
    await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
    await app.register(async (scoped) =>
      liveRoutes(scoped, {
        hub: options.hub!,
        submissions: options.service,
        instruments: options.instruments,
        auth: options.auth,
        ...(options.liveMaxBufferedBytes !== undefined && { maxBufferedBytes: options.liveMaxBufferedBytes }),
      }),
    );
  }
  if (options.benchFloor) floorRoute(app, options.instruments, options.service);
  app.get('/api/openapi.json', { schema: { hide: true } as never }, async () => app.swagger());
  await installStaticFiles(app, { portalDir: options.portalDir, instrumentsDir: options.instrumentsDir });
  return app;
}
