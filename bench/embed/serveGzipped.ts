/**
 * The benchmark's web server on 127.0.0.1: serves a folder with gzip (level 9, as a CDN or a Django
 * static host compresses scripts and JSON) so "bytes transferred" is what a facility's users download.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

export interface GzipServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` at a free port; every file gzip-compressed once, then from memory. */
export function serveGzipped(dir: string): Promise<GzipServer> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
    if (path.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    let body = cache.get(path);
    if (!body) {
      try {
        body = gzipSync(readFileSync(join(dir, path)), { level: 9 });
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
        return;
      }
      cache.set(path, body);
    }
    res.writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ready({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
