#!/usr/bin/env node
/**
 * A tiny static file server for built pages (the demo portal, the benchmark page, example pages).
 * Binds 127.0.0.1 only. Plain JavaScript so that `npm start` needs no TypeScript loader.
 * Usage: node scripts/serve.js DIR   (port from PORT, default 5173; PORT=0 picks a free one)
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** Returns a file path inside root for a URL path, or null when it would escape root. */
function fileFor(root, urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    const stat = statSync(candidate);
    if (stat.isDirectory()) return fileFor(root, `${decoded.replace(/\/$/, '')}/index.html`);
    return candidate;
  } catch {
    return null;
  }
}

/**
 * Serves `dir`; `handle(req, res)` may answer a request first (return true) for test endpoints;
 * `headers` go on every file served. Resolves to {server, url, close}.
 */
export function serveStatic(dir, { port = 0, handle, headers = {} } = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    if (handle?.(req, res)) return;
    const file = fileFor(root, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`not found: ${req.url}`);
      return;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const url = `http://127.0.0.1:${address.port}/`;
      ready({ server, url, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'dist/app';
  const port = Number(process.env.PORT ?? 5173);
  serveStatic(dir, { port }).then(({ url }) => {
    console.log(`Formulary demo portal: ${url}  (Ctrl+C to stop)`);
  });
}
