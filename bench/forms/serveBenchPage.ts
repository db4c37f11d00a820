/**
 * Serves a build of the form benchmark page on 127.0.0.1 (a free port), with the shipped instrument
 * schemas under /schemas/ so the page loads them (and their external refs) by URL. Used by the
 * benchmark (run.ts) and the profiler (profile.ts). The page is cross-origin isolated (COOP and COEP
 * headers): Chromium then gives performance.now() 5 µs resolution instead of 100 µs, and a keystroke's
 * script work (about 1 ms, against a 1 ms goal) is no longer rounded to tenths of a millisecond.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '../../scripts/serve.js';

const instrumentDir = resolve(import.meta.dirname, '../../src/schemas/instruments');
const isolated = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** Serves `dir` (a build of bench/forms/page) plus /schemas/<file>.json from src/schemas/instruments. */
export function serveBenchPage(dir: string) {
  return serveStatic(dir, {
    port: 0,
    headers: isolated,
    handle(req, res) {
      const match = /^\/schemas\/([\w.-]+\.json)$/.exec(req.url ?? '');
      if (!match?.[1]) return false;
      res.writeHead(200, { ...isolated, 'content-type': 'application/json' });
      res.end(readFileSync(join(instrumentDir, match[1])));
      return true;
    },
  });
}
