/** Serves a built folder on 127.0.0.1 at a free port for one test file. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { serveStatic } from '../../scripts/serve.js';

export interface ServedPage {
  url: string;
  close(): Promise<void>;
}

/** Answers a request itself (returns true) before the static files are looked at: test endpoints. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** A test endpoint's POST body, parsed as JSON. */
export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', fail);
    req.on('end', () => {
      try {
        done(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        fail(error);
      }
    });
  });
}

export async function servePage(dir: string, handle?: RequestHandler): Promise<ServedPage> {
  const served = await serveStatic(resolve(dir), { port: 0, handle });
  return { url: served.url, close: served.close };
}
