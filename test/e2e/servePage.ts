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

export async function servePage(dir: string, handle?: RequestHandler): Promise<ServedPage> {
  const served = await serveStatic(resolve(dir), { port: 0, handle });
  return { url: served.url, close: served.close };
}
