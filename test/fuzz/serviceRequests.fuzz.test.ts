/**
 * Fuzz property 6: random and mutated HTTP requests to every route of a real `formulary serve` process
 * (SQLite) never get a 5xx, never store a submission without a 2xx, and never change a stored one.
 * Bodies are the shipped EQSANS example mutated (values replaced, keys dropped or added, "__proto__",
 * deep nesting), truncated, or random bytes; headers and query strings are random too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  testerFetch as fetch,
  repoRoot,
  type ServerProcess,
  startServerProcess,
} from '../server/serverProcess';
import { budget, timeoutFor } from './fuzzBudget';

const example = JSON.parse(
  readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8'),
) as Record<string, unknown>;

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const oddKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '', 'a/b', '~1', 'Énergie');

/** The example with one random change: a top-level value replaced, a key dropped or one added. */
const mutatedExample = fc.oneof(
  fc
    .tuple(fc.constantFrom(...Object.keys(example)), jsonValue)
    .map(([key, value]) => ({ ...example, [key]: value })),
  fc.constantFrom(...Object.keys(example)).map((key) => {
    const { [key]: _dropped, ...rest } = example;
    return rest;
  }),
  fc.tuple(oddKey, jsonValue).map(([key, value]) => {
    const copy: Record<string, unknown> = { ...example };
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  }),
  fc.nat({ max: 80 }).map((depth) => {
    let nested: unknown = 1;
    for (let i = 0; i < depth; i++) nested = { n: nested };
    return { ...example, sampleName: nested };
  }),
);

const body = fc.oneof(
  { weight: 4, arbitrary: mutatedExample.map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constant(JSON.stringify(example)) },
  {
    weight: 1,
    arbitrary: mutatedExample.chain((v) => fc.nat({ max: 200 }).map((n) => JSON.stringify(v).slice(0, n))),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  },
);

const segment = fc.oneof(
  fc.constantFrom('eqsans', 'powgen', 'EQSANS', 'nope', '__proto__', '..', '%2e%2e', '%00', 'constructor'),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'instrument',
        'status',
        'proposal',
        'submitter',
        'since',
        'until',
        'limit',
        'cursor',
        'idempotencyKey',
        'x',
      ),
      fc.oneof(
        fc.constantFrom('-1', '0', '1e9', 'eqsans', '', 'null', '[]', '%'),
        fc.string({ maxLength: 10 }),
      ),
    ),
    { maxLength: 3 },
  )
  .map((pairs) =>
    pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`,
  );

const anyRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH'),
  path: fc.oneof(
    segment.map((s) => `/api/instruments/${s}/submissions`),
    segment.map((s) => `/api/instruments/${s}/schema`),
    segment.map((s) => `/api/submissions/${s}`),
    segment.map((s) => `/api/submissions/${s}/request`),
    fc.constantFrom('/api/instruments', '/api/submissions', '/api/openapi.json', '/api/nothing', '/'),
  ),
  query,
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    '',
  ),
  key: fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', ' ', 'k'.repeat(300), 'same-key-1', 'same-key-2')), {
    nil: undefined,
  }),
  schemaVersion: fc.option(fc.constantFrom('1', '0', '2', '999', 'abc', ''), { nil: undefined }),
  body,
});

/** A submission as the outbox sends it, with a mutated body: most are stored or refused with a 4xx. */
const wellFormedSubmission = fc.record({
  method: fc.constant('POST'),
  path: fc.constant('/api/instruments/eqsans/submissions'),
  query: fc.constant(''),
  contentType: fc.constant('application/json'),
  key: fc.oneof(fc.uuid(), fc.constantFrom('same-key-1', 'same-key-2')),
  schemaVersion: fc.constant('1'),
  body,
});

const request = fc.oneof(
  { weight: 3, arbitrary: anyRequest },
  { weight: 2, arbitrary: wellFormedSubmission },
);

let server: ServerProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formulary-fuzz-service-'));
  server = await startServerProcess({ db: join(dir, 'fuzz.sqlite') });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every stored submission, through the listing's cursor pages. */
async function listAll(): Promise<{ id: string }[]> {
  const all: { id: string }[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(
      `${server.url}/api/submissions?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

test(
  'random requests to every route: no 5xx, nothing stored without a 201, nothing stored changed',
  async () => {
    const accepted = new Map<string, string>(); // id -> the body the 201 answered
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.key !== undefined) headers['idempotency-key'] = r.key;
        if (r.schemaVersion !== undefined) headers['x-schema-version'] = r.schemaVersion;
        const withBody = r.method !== 'GET';
        const response = await fetch(`${server.url}${r.path}${r.query}`, {
          method: r.method,
          headers,
          ...(withBody ? { body: r.body } : {}),
        });
        const text = await response.text();
        expect(response.status, `${r.method} ${r.path}${r.query}: ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|SQLITE_|select .* from/i);
        if (response.status === 201) {
          const { id } = JSON.parse(text) as { id: string };
          if (!accepted.has(id)) accepted.set(id, r.body);
        }
      }),
      budget(150),
    );
    // The property must have stored something, or "nothing stored changed" tested nothing.
    expect(accepted.size).toBeGreaterThan(0);
    const stored = await listAll();
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(accepted.keys()));
    for (const [id, sent] of accepted) {
      const response = await fetch(`${server.url}/api/submissions/${id}/request`);
      expect(await response.text(), `submission ${id} changed`).toBe(sent);
    }
  },
  timeoutFor(150, 300),
);
