/**
 * Serves the built portal at / and the instrument schema files at /schemas/ (the portal fetches them
 * by URL so multi-file $refs resolve), from the same port as the API. A missing portal build is not
 * an error: the API still runs and / says how to build the portal.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function installStaticFiles(
  app: FastifyInstance,
  options: { portalDir?: string; instrumentsDir: string },
): Promise<void> {
  await app.register(fastifyStatic, {
    root: options.instrumentsDir,
    prefix: '/schemas/',
    decorateReply: false,
    index: false,
    cacheControl: true,
    maxAge: 0,
  });
  const portal = options.portalDir;
  if (portal && existsSync(join(portal, 'index.html'))) {
    await app.register(fastifyStatic, { root: portal, prefix: '/', decorateReply: false, wildcard: true });
  } else {
    app.get('/', { schema: { hide: true } as never }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          `Formulary submission service. The portal is not built (npm run build:app); the API is at /api/.\n`,
        ),
    );
  }
}
