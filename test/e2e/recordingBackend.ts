/**
 * A submission backend for end-to-end tests, answering on the test page's own origin (servePage's
 * handler): it records every POST (key, body, what it answered) and keeps one job per
 * Idempotency-Key, like Formulary's submission service. Its mode is switched by the test: accept,
 * fail (500), hang (never answers), slow (takes the job at once, answers after `slowMs`), refuse
 * (drops the connection after reading the request). `GET ?idempotencyKey=K` lists the jobs under K,
 * unless `answersLanded` is off (a backend that does not know that query: 404).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type BackendMode = 'accept' | 'fail' | 'hang' | 'slow' | 'refuse';

export interface RecordedCall {
  readonly key: string;
  readonly body: Record<string, unknown>;
  readonly mode: BackendMode;
  readonly at: number;
}

export interface RecordingBackend {
  /** For servePage: answers /api/submissions, leaves every other path to the static files. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  mode: BackendMode;
  slowMs: number;
  answersLanded: boolean;
  readonly calls: RecordedCall[];
  /** One job per key that landed (accepted, or taken by a slow answer). */
  readonly jobs: Map<string, Record<string, unknown>>;
  /** GET ?idempotencyKey= queries, by key. */
  readonly checks: string[];
  /** Accepts every POST the hang mode is holding, all at once. */
  releaseHanging(): void;
  /** Back to accept, with nothing recorded; answers still hanging are ended. */
  reset(): void;
}

export const submissionsPath = '/api/submissions';

export function recordingBackend(): RecordingBackend {
  const hanging = new Map<ServerResponse, () => void>();
  const backend: RecordingBackend = {
    mode: 'accept',
    slowMs: 3000,
    answersLanded: true,
    calls: [],
    jobs: new Map(),
    checks: [],
    reset() {
      backend.mode = 'accept';
      backend.slowMs = 3000;
      backend.answersLanded = true;
      backend.calls.length = 0;
      backend.jobs.clear();
      backend.checks.length = 0;
      for (const res of hanging.keys()) res.destroy();
      hanging.clear();
    },
    releaseHanging() {
      const held = [...hanging.values()];
      hanging.clear();
      for (const answer of held) answer();
    },
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== submissionsPath) return false;
      if (req.method === 'GET') {
        const key = url.searchParams.get('idempotencyKey') ?? '';
        backend.checks.push(key);
        if (!backend.answersLanded) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return true;
        }
        const job = backend.jobs.get(key);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(job ? [{ idempotencyKey: key, request: job }] : []));
        return true;
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const key = String(req.headers['idempotency-key'] ?? '');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        const mode = backend.mode;
        backend.calls.push({ key, body, mode, at: Date.now() });
        const accept = (status: number) => {
          const known = backend.jobs.has(key);
          if (!known) backend.jobs.set(key, body);
          res.writeHead(known ? 200 : status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: key }));
        };
        if (mode === 'accept') accept(201);
        else if (mode === 'fail') {
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"backend down"}');
        } else if (mode === 'hang') hanging.set(res, () => !res.destroyed && accept(201));
        else if (mode === 'refuse') req.socket.destroy();
        else {
          // slow: the job lands now; the answer comes after slowMs (maybe after the browser gave up).
          if (!backend.jobs.has(key)) backend.jobs.set(key, body);
          setTimeout(() => {
            if (!res.destroyed) res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
          }, backend.slowMs);
        }
      });
      return true;
    },
  };
  return backend;
}
