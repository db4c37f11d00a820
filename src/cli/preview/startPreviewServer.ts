/**
 * The HTTP side of `formulary preview`, on 127.0.0.1 only: the built preview page (dist/preview), the
 * state as JSON, a server-sent event stream that pushes each new state (the page reloads its form from
 * it), and the example requests. The page is plain static files: the CLI never loads React.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { PreviewSession } from './createPreviewSession';
import type { PreviewState } from './PreviewState';
import { listExamples, readExample } from './readExamples';

export interface PreviewServerOptions {
  readonly session: PreviewSession;
  /** The built page (index.html and its assets). */
  readonly pageDir: string;
  readonly port: number;
  readonly host?: string;
  readonly examplesDir?: string;
  readonly cwd: string;
  /** The language of an example's findings: the preview's (--lang, else the environment's), as its page's. */
  readonly locale?: string;
}

/**
 * Each state as JSON once, however many pages listen: a 1,000-field schema's state is hundreds of kB,
 * and a second tab (or the benchmark's stream) would otherwise serialise it again on every save.
 */
const jsonOf = new WeakMap<PreviewState, string>();
function asJson(state: PreviewState): string {
  let text = jsonOf.get(state);
  if (text === undefined) {
    text = JSON.stringify(state);
    jsonOf.set(state, text);
  }
  return text;
}

export interface RunningPreview {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens and resolves with the URL; close() ends the event streams, then the server. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreview> {
  const { session } = options;
  if (!existsSync(join(options.pageDir, 'index.html')))
    throw new Error(
      `the preview page is not built (${join(options.pageDir, 'index.html')} is missing): in a checkout of Formulary run "npm run build:preview"`,
    );
  const app: FastifyInstance = Fastify({ logger: false });
  const streams = new Set<() => void>();
  await app.register(fastifyStatic, { root: options.pageDir, prefix: '/' });

  app.get('/api/state', async () => session.current());

  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // retry: a page whose stream broke (the command restarted) reconnects within half a second.
    const send = (state: PreviewState) => res.write(`retry: 500\nevent: state\ndata: ${asJson(state)}\n\n`);
    send(session.current());
    const unsubscribe = session.subscribe(send);
    const end = () => {
      unsubscribe();
      streams.delete(end);
      res.end();
    };
    streams.add(end);
    request.raw.on('close', end);
  });

  app.get('/api/examples', async () => (options.examplesDir ? listExamples(options.examplesDir) : []));

  app.get<{ Params: { name: string } }>('/api/examples/:name', async (request, reply) => {
    const { name } = request.params;
    const known = options.examplesDir
      ? listExamples(options.examplesDir).some((e) => e.name === name)
      : false;
    // Only a name from the list: never a path out of the folder.
    if (!known || !options.examplesDir)
      return reply.code(404).send({ message: `no example named "${name}" in --examples` });
    return readExample(options.examplesDir, name, options.cwd, session.validate(), options.locale);
  });

  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    async close() {
      for (const end of [...streams]) end();
      await app.close();
    },
  };
}
