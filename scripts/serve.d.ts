/** Types for scripts/serve.js (plain JavaScript so `npm start` needs no TypeScript loader). */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function serveStatic(
  dir: string,
  options?: {
    port?: number;
    handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
    /** Sent with every file served. */
    headers?: Record<string, string>;
  },
): Promise<StaticServer>;
