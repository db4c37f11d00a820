/**
 * Every API behaviour of the submission service, through HTTP against a real server process on
 * 127.0.0.1, run once per back end (SQLite and PostgreSQL). The instruments folder holds the shipped
 * EQSANS schema and a small "tiny" schema at version 2, for requests made under an older version.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  testerFetch as fetch,
  repoRoot,
  type ServerProcess,
  startServerProcess,
  submit,
} from '../serverProcess';

export interface ApiDatabase {
  readonly db: string;
  drop(): Promise<void>;
}

const example = readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8');
const invalidExample = readFileSync(
  join(repoRoot, 'examples/eqsans/invalid-qrange-slicing-limits.json'),
  'utf8',
);
const invalidExpected = JSON.parse(
  readFileSync(join(repoRoot, 'examples/eqsans/invalid-qrange-slicing-limits.expected.json'), 'utf8'),
) as { pointer: string; rule: string }[];

interface Page {
  items: { id: string }[];
  nextCursor: string | null;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}
/** A parsed request to edit: sections of values (the test writes only what it knows is there). */
interface Request {
  [key: string]: unknown;
  binning: Record<string, unknown>;
}

let keyCount = 0;
const newKey = () => `test-${Date.now()}-${++keyCount}-${Math.random().toString(36).slice(2)}`;
const withValue = (edit: (request: Request) => void): string => {
  const request = JSON.parse(example);
  edit(request);
  return JSON.stringify(request);
};

/** Leaks that must never reach a client. */
const INTERNALS = /node_modules|\.ts:\d+|\.js:\d+|\bselect\b.*\bfrom\b|\binsert into\b|sqlite_|SQLITE|stack/i;

export function describeApi(name: string, database: () => Promise<ApiDatabase>): void {
  describe(`submission API on ${name}`, () => {
    let server: ServerProcess;
    let dbHandle: ApiDatabase;
    let instruments: string;
    const problems: {
      status: number;
      body: Record<string, unknown>;
      requestId: string | null;
      text: string;
    }[] = [];

    /** Reads a problem answer and checks what every problem must have. */
    const problem = async (response: Response) => {
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const text = await response.text();
      const body = JSON.parse(text) as Record<string, unknown>;
      problems.push({ status: response.status, body, requestId: response.headers.get('x-request-id'), text });
      expect(body.status).toBe(response.status);
      expect(body.requestId).toBe(response.headers.get('x-request-id'));
      expect(typeof body.detail).toBe('string');
      return body;
    };

    beforeAll(async () => {
      dbHandle = await database();
      instruments = mkdtempSync(join(tmpdir(), 'formulary-instruments-'));
      for (const file of ['eqsans.schema.json', 'common.json'])
        copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(instruments, file));
      copyFileSync(
        join(import.meta.dirname, '../fixtures/tiny.schema.json'),
        join(instruments, 'tiny.schema.json'),
      );
      server = await startServerProcess({ db: dbHandle.db, instruments });
    }, 120_000);
    afterAll(async () => {
      expect(await server?.stop('SIGTERM')).toBe(0);
      await dbHandle?.drop();
      rmSync(instruments, { recursive: true, force: true });
    }, 60_000);

    it('lists the instruments', async () => {
      const response = await fetch(`${server.url}/api/instruments`);
      expect(response.status).toBe(200);
      const list = (await response.json()) as Record<string, unknown>[];
      expect(list.map((i) => i.id)).toEqual(['eqsans', 'tiny']);
      expect(list[0]).toEqual({
        id: 'eqsans',
        name: 'EQSANS',
        kind: 'Time-of-flight small-angle neutron scattering (SANS)',
        dialect: 'draft-07',
        schemaVersion: 1,
        schemaUrl: '/api/instruments/eqsans/schema',
        submissionsUrl: '/api/instruments/eqsans/submissions',
      });
      expect(list[1]).toMatchObject({ id: 'tiny', name: 'Tiny', schemaVersion: 2 });
    });

    it('serves the bundled schema with an ETag, and 304 when it matches', async () => {
      const first = await fetch(`${server.url}/api/instruments/eqsans/schema`);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^".+"$/);
      const schema = (await first.json()) as Record<string, unknown>;
      expect(schema.properties).toHaveProperty('iptsNumber');
      // Bundled: the common.json $refs are internalised.
      expect(JSON.stringify(schema)).not.toContain('"$ref":"common.json');
      const again = await fetch(`${server.url}/api/instruments/eqsans/schema`, {
        headers: { 'if-none-match': etag! },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const stale = await fetch(`${server.url}/api/instruments/eqsans/schema`, {
        headers: { 'if-none-match': '"old"' },
      });
      expect(stale.status).toBe(200);
      const missing = await fetch(`${server.url}/api/instruments/nope/schema`);
      expect(missing.status).toBe(404);
      expect((await problem(missing)).detail).toContain('nope');
    });

    it('accepts a valid request (201), keeps its bytes, and lists it', async () => {
      const key = newKey();
      const body = `  ${example.replace('"lysozyme 5 mg/mL"', '"lysozyme 5 mg/mL – ✓"')}\n`;
      const response = await submit(server.url, 'eqsans', body, { 'idempotency-key': key });
      expect(response.status).toBe(201);
      const receipt = (await response.json()) as { id: string; links: { self: string; request: string } };
      expect(receipt).toMatchObject({ instrument: 'eqsans', schemaVersion: 1, status: 'accepted' });
      expect(Object.keys(receipt).sort()).toEqual([
        'createdAt',
        'id',
        'instrument',
        'links',
        'schemaVersion',
        'status',
      ]);
      expect(response.headers.get('location')).toBe(`/api/submissions/${receipt.id}`);
      const raw = await fetch(`${server.url}${receipt.links.request}`);
      expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.from(body, 'utf8'))).toBe(true);
      const one = await fetch(`${server.url}${receipt.links.self}`);
      const text = await one.text();
      expect(text).toContain(`"request":${body}}`);
      expect(JSON.parse(text)).toMatchObject({
        id: receipt.id,
        status: 'accepted',
        proposal: 'IPTS-31204',
        idempotencyKey: key,
      });
      const byKey = (await (
        await fetch(`${server.url}/api/submissions?idempotencyKey=${key}`)
      ).json()) as Page;
      expect(byKey.items.map((s) => s.id)).toEqual([receipt.id]);
      // The outbox asks at the URL it posted to: the same answer there, and nothing for another key.
      const atSubmitUrl = (k: string) =>
        fetch(`${server.url}/api/instruments/eqsans/submissions?idempotencyKey=${k}`).then(
          (r) => r.json() as Promise<Page>,
        );
      expect((await atSubmitUrl(key)).items.map((s) => s.id)).toEqual([receipt.id]);
      expect((await atSubmitUrl(newKey())).items).toEqual([]);
    });

    it('replays the first answer for the same key and body, and stores nothing new', async () => {
      const key = newKey();
      const first = await submit(server.url, 'eqsans', example, { 'idempotency-key': key });
      const firstText = await first.text();
      const again = await submit(server.url, 'eqsans', example, { 'idempotency-key': key });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(firstText);
      const byKey = (await (
        await fetch(`${server.url}/api/submissions?idempotencyKey=${key}`)
      ).json()) as Page;
      expect(byKey.items).toHaveLength(1);
    });

    it('answers 409 for the same key with another body', async () => {
      const key = newKey();
      expect((await submit(server.url, 'eqsans', example, { 'idempotency-key': key })).status).toBe(201);
      const other = withValue((r) => {
        r.runCycle = '2026B';
      });
      const response = await submit(server.url, 'eqsans', other, { 'idempotency-key': key });
      expect(response.status).toBe(409);
      expect((await problem(response)).detail).toMatch(/Idempotency-Key was used for another request body/);
      const byKey = (await (
        await fetch(`${server.url}/api/submissions?idempotencyKey=${key}`)
      ).json()) as Page;
      expect(byKey.items).toHaveLength(1);
    });

    it('answers 422 with every field problem as the form words it, and stores nothing', async () => {
      const key = newKey();
      const response = await submit(server.url, 'eqsans', invalidExample, { 'idempotency-key': key });
      expect(response.status).toBe(422);
      const body = await problem(response);
      const errors = body.errors as { pointer: string; label: string; message: string; rule: string }[];
      expect(errors.map((e) => `${e.pointer} ${e.rule}`).sort()).toEqual(
        invalidExpected.map((e) => `${e.pointer} ${e.rule}`).sort(),
      );
      const qmin = errors.find((e) => e.pointer === '/binning/Qmin')!;
      expect(qmin).toEqual({
        pointer: '/binning/Qmin',
        label: 'Q min',
        message: 'must be less than Q max (0.45 1/Å)',
        rule: 'lessThan',
      });
      const byKey = (await (
        await fetch(`${server.url}/api/submissions?idempotencyKey=${key}`)
      ).json()) as Page;
      expect(byKey.items).toHaveLength(0);
    });

    it('words the field messages of a 422 in the Accept-Language the form sends (title and detail stay English)', async () => {
      const ask = (language: string) =>
        submit(server.url, 'eqsans', invalidExample, {
          'idempotency-key': newKey(),
          'accept-language': language,
        });
      const qminOf = async (response: Response) => {
        expect(response.status).toBe(422);
        const body = await problem(response);
        const errors = body.errors as { pointer: string; message: string; rule: string }[];
        return { detail: body.detail, qmin: errors.find((e) => e.pointer === '/binning/Qmin')?.message };
      };
      const french = await qminOf(await ask('fr-CH, en;q=0.5'));
      expect(french.qmin).toBe('doit être inférieur à Q max (0,45 1/Å)');
      expect(french.detail).toMatch(/problems? in the request/);
      // A language without a catalogue, and q=0, fall through to the next asked or to English.
      expect((await qminOf(await ask('sv, fr;q=0.8'))).qmin).toBe('doit être inférieur à Q max (0,45 1/Å)');
      expect((await qminOf(await ask('fr;q=0, de'))).qmin).toBe('must be less than Q max (0.45 1/Å)');
    });

    it('ignores fields the form hides, as the form does', async () => {
      // LogQBinsPerDecade is only shown (and checked) when QbinType is "log".
      const shown = withValue((r) => {
        r.binning.LogQBinsPerDecade = 999;
      });
      const hidden = withValue((r) => {
        r.binning.LogQBinsPerDecade = 999;
        r.binning.QbinType = 'linear';
      });
      const refused = await submit(server.url, 'eqsans', shown, { 'idempotency-key': newKey() });
      expect(refused.status).toBe(422);
      expect(((await problem(refused)).errors as { pointer: string }[]).map((e) => e.pointer)).toEqual([
        '/binning/LogQBinsPerDecade',
      ]);
      expect((await submit(server.url, 'eqsans', hidden, { 'idempotency-key': newKey() })).status).toBe(201);
    });

    it('checks a request made under an older schema version against the current one', async () => {
      const old = JSON.stringify({ iptsNumber: 5, sampleName: 'silicon' });
      const response = await submit(server.url, 'tiny', old, {
        'idempotency-key': newKey(),
        'x-schema-version': '1',
      });
      expect(response.status).toBe(422);
      const body = await problem(response);
      expect(body.detail).toMatch(/made for schema version 1, checked against the current version 2/);
      expect(body).toMatchObject({ schemaVersion: 2, clientSchemaVersion: 1 });
      const pointers = (body.errors as { pointer: string; rule: string }[]).map(
        (e) => `${e.pointer} ${e.rule}`,
      );
      expect(pointers.sort()).toEqual(['/sample required', '/sampleName additionalProperties']);
      const fitting = await submit(server.url, 'tiny', JSON.stringify({ iptsNumber: 5, sample: 'silicon' }), {
        'idempotency-key': newKey(),
        'x-schema-version': '1',
      });
      expect(fitting.status).toBe(201);
      expect((await fitting.json()) as object).toMatchObject({ schemaVersion: 2 });
      const newer = await submit(server.url, 'tiny', old, {
        'idempotency-key': newKey(),
        'x-schema-version': '3',
      });
      expect(newer.status).toBe(400);
      expect((await problem(newer)).detail).toMatch(/newer than this server/);
    });

    it('stores the X-Defaults-Revision a form sends, refuses one that is not a revision, and leaves it out when absent', async () => {
      const sent = await submit(server.url, 'eqsans', example, {
        'idempotency-key': newKey(),
        'x-defaults-revision': '4',
      });
      expect(sent.status).toBe(201);
      const { id } = (await sent.json()) as { id: string };
      const stored = (await (await fetch(`${server.url}/api/submissions/${id}`)).json()) as object;
      expect(stored).toMatchObject({ id, defaultsRevision: 4 });
      const bad = await submit(server.url, 'eqsans', example, {
        'idempotency-key': newKey(),
        'x-defaults-revision': 'yesterday',
      });
      expect(bad.status).toBe(400);
      expect(await problem(bad)).toMatchObject({
        type: expect.stringContaining('invalid-defaults-revision'),
      });
      const plain = await submit(server.url, 'eqsans', example, { 'idempotency-key': newKey() });
      const plainId = ((await plain.json()) as { id: string }).id;
      const plainStored = (await (await fetch(`${server.url}/api/submissions/${plainId}`)).json()) as object;
      expect(plainStored).not.toHaveProperty('defaultsRevision');
    });

    it('requires Idempotency-Key and X-Schema-Version', async () => {
      const noKey = await submit(server.url, 'eqsans', example);
      expect(noKey.status).toBe(400);
      expect((await problem(noKey)).detail).toMatch(/Idempotency-Key/);
      const noVersion = await fetch(`${server.url}/api/instruments/eqsans/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: example,
      });
      expect(noVersion.status).toBe(400);
      expect((await problem(noVersion)).detail).toMatch(/X-Schema-Version/);
    });

    it('filters, orders newest first and pages with a cursor', async () => {
      const ids: string[] = [];
      const since = new Date().toISOString();
      for (const ipts of [777001, 777001, 777002]) {
        const response = await submit(
          server.url,
          'eqsans',
          withValue((r) => {
            r.iptsNumber = ipts;
          }),
          { 'idempotency-key': newKey() },
        );
        ids.push(((await response.json()) as { id: string }).id);
      }
      const get = async (query: string) =>
        (await (await fetch(`${server.url}/api/submissions?${query}`)).json()) as {
          items: { id: string }[];
          nextCursor: string | null;
        };
      expect((await get('proposal=777001')).items.map((s) => s.id)).toEqual([ids[1], ids[0]]);
      expect((await get('proposal=IPTS-777002')).items.map((s) => s.id)).toEqual([ids[2]]);
      const page1 = await get(`since=${since}&limit=2`);
      expect(page1.items.map((s) => s.id)).toEqual([ids[2], ids[1]]);
      const page2 = await get(`since=${since}&limit=2&cursor=${page1.nextCursor}`);
      expect(page2.items.map((s) => s.id)).toEqual([ids[0]]);
      expect(page2.nextCursor).toBeNull();
      expect((await get('instrument=tiny&status=accepted')).items.every((s) => !ids.includes(s.id))).toBe(
        true,
      );
      expect((await get(`until=${since}`)).items.some((s) => ids.includes(s.id))).toBe(false);
      const bad = await fetch(`${server.url}/api/submissions?cursor=nonsense`);
      expect(bad.status).toBe(400);
      await problem(bad);
      const badLimit = await fetch(`${server.url}/api/submissions?limit=0`);
      expect(badLimit.status).toBe(400);
      await problem(badLimit);
    });

    it('refuses bad bodies with a clear problem and changes nothing', async () => {
      const before = (await (await fetch(`${server.url}/api/submissions?limit=200`)).json()) as {
        items: unknown[];
      };
      const key = newKey();
      const huge = JSON.stringify({ ...JSON.parse(example), padding: 'x'.repeat(1024 * 1024) });
      const tooLarge = await submit(server.url, 'eqsans', huge, { 'idempotency-key': key });
      expect(tooLarge.status).toBe(413);
      await problem(tooLarge);

      const notJson = await submit(server.url, 'eqsans', example, {
        'idempotency-key': key,
        'content-type': 'text/plain',
      });
      expect(notJson.status).toBe(415);
      expect((await problem(notJson)).detail).toMatch(/application\/json/);

      const malformed = await submit(server.url, 'eqsans', '{\n  "iptsNumber": 1,\n  "job": {,}\n}', {
        'idempotency-key': key,
      });
      expect(malformed.status).toBe(400);
      expect(await problem(malformed)).toMatchObject({ line: 3, column: 11 });

      const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
      const tooDeep = await submit(server.url, 'eqsans', `{"a":${deep(64)}}`, { 'idempotency-key': key });
      expect(tooDeep.status).toBe(400);
      expect((await problem(tooDeep)).detail).toMatch(/deeper than 64/);
      // 64 levels in all is allowed: it reaches validation (and fails it there).
      expect(
        (await submit(server.url, 'eqsans', `{"a":${deep(63)}}`, { 'idempotency-key': key })).status,
      ).toBe(422);

      const many = await submit(server.url, 'eqsans', `{"a":[${Array(100_000).fill(0).join(',')}]}`, {
        'idempotency-key': key,
      });
      expect(many.status).toBe(400);
      expect((await problem(many)).detail).toMatch(/more than 100000 values/);

      const unknown = await submit(server.url, 'nope', example, { 'idempotency-key': key });
      expect(unknown.status).toBe(404);
      await problem(unknown);
      const noRoute = await fetch(`${server.url}/api/nothing-here`);
      expect(noRoute.status).toBe(404);
      await problem(noRoute);
      const noSubmission = await fetch(`${server.url}/api/submissions/does-not-exist`);
      expect(noSubmission.status).toBe(404);
      await problem(noSubmission);

      const after = (await (await fetch(`${server.url}/api/submissions?limit=200`)).json()) as {
        items: unknown[];
      };
      expect(after.items.length).toBe(before.items.length);
      const byKey = (await (
        await fetch(`${server.url}/api/submissions?idempotencyKey=${key}`)
      ).json()) as Page;
      expect(byKey.items).toHaveLength(0);
    });

    it('treats __proto__ and constructor as data, never as prototypes', async () => {
      const polluting = example.replace(
        /^\{/,
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},',
      );
      const response = await submit(server.url, 'eqsans', polluting, { 'idempotency-key': newKey() });
      expect(response.status).toBe(422);
      const pointers = ((await problem(response)).errors as { pointer: string }[])
        .map((e) => e.pointer)
        .sort();
      expect(pointers).toEqual(['/__proto__', '/constructor']);
      // The server still answers normally, and nothing it sends has grown a "polluted" key.
      const list = await (await fetch(`${server.url}/api/instruments`)).text();
      expect(list).not.toContain('polluted');
      expect((await submit(server.url, 'eqsans', example, { 'idempotency-key': newKey() })).status).toBe(201);
    });

    it('carries a request id in every error, echoes a given one and logs it', async () => {
      const response = await submit(server.url, 'eqsans', '{', {
        'idempotency-key': newKey(),
        'x-request-id': 'trace-abc-123',
      });
      expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
      expect((await problem(response)).requestId).toBe('trace-abc-123');
      // pino writes asynchronously: wait (briefly) for the line to reach the pipe.
      let lines: string[] = [];
      for (let i = 0; i < 50 && !lines.some((l) => l.includes('malformed-json')); i++) {
        await new Promise((r) => setTimeout(r, 100));
        lines = server
          .log()
          .split('\n')
          .filter((l) => l.includes('trace-abc-123'));
      }
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.some((l) => /"problem":"malformed-json"/.test(l))).toBe(true);
      // Every problem this suite has seen: a request id, and no stack, path or SQL.
      expect(problems.length).toBeGreaterThan(10);
      for (const p of problems) {
        expect(p.requestId).toBeTruthy();
        expect(p.text).not.toMatch(INTERNALS);
      }
    });

    it('publishes OpenAPI 3.1 for every route', async () => {
      const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApi;
      expect(spec.openapi).toBe('3.1.0');
      expect(Object.keys(spec.paths).sort()).toEqual([
        '/api/audit',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/session',
        '/api/auth/tokens',
        '/api/auth/tokens/{id}',
        '/api/instruments',
        '/api/instruments/{id}/defaults',
        '/api/instruments/{id}/defaults/history',
        '/api/instruments/{id}/schema',
        '/api/instruments/{id}/submissions',
        '/api/jobs',
        '/api/jobs/rerun',
        '/api/jobs/{jobId}',
        '/api/jobs/{jobId}/cancel',
        '/api/jobs/{jobId}/curve',
        '/api/jobs/{jobId}/log',
        '/api/jobs/{jobId}/log.txt',
        '/api/jobs/{jobId}/log/search',
        '/api/jobs/{jobId}/rerun',
        '/api/live/sse',
        '/api/submissions',
        '/api/submissions/{id}',
        '/api/submissions/{id}/jobs',
        '/api/submissions/{id}/request',
        '/api/submissions/{id}/snapshot',
      ]);
      const post = spec.paths['/api/instruments/{id}/submissions']!.post!;
      expect(Object.keys(post.responses)).toEqual(
        expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413', '415', '422']),
      );
    });
  });
}
