/**
 * The service reads requests typed as text (issue 25) the way the form does: "42" for an integer is
 * stored and run as 42, and the 201 receipt lists the conversion; text that is not a number is
 * refused with the field named, and nothing is stored. A real server process on a SQLite file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ServerProcess, startServerProcess, submit, testerFetch } from './serverProcess';

let server: ServerProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'formulary-text-intake-'));
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  copyFileSync(join(import.meta.dirname, 'fixtures/tiny.schema.json'), join(instruments, 'tiny.schema.json'));
  server = await startServerProcess({ db: join(dir, 'formulary.sqlite'), instruments });
}, 120_000);

afterAll(async () => {
  expect(await server?.stop('SIGTERM')).toBe(0);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const send = (body: unknown, key: string) =>
  submit(server.url, 'tiny', JSON.stringify(body), { 'idempotency-key': key, 'x-schema-version': '2' });

test('"42" for an integer is stored as 42 and the receipt says so', async () => {
  const response = await send({ iptsNumber: '42', sample: 'water' }, 'text-intake-1');
  expect(response.status).toBe(201);
  const receipt = (await response.json()) as { converted?: unknown; links: { request: string } };
  expect(receipt.converted).toEqual([{ pointer: '/iptsNumber', from: '42', to: 42 }]);
  const stored = await testerFetch(`${server.url}${receipt.links.request}`);
  expect(await stored.json()).toEqual({ iptsNumber: 42, sample: 'water' });
});

test('text that is not a number is refused, naming the field; nothing is stored', async () => {
  const before = (await (await testerFetch(`${server.url}/api/submissions`)).json()) as { items: unknown[] };
  const response = await send({ iptsNumber: '4x2', sample: 'water' }, 'text-intake-2');
  expect(response.status).toBe(422);
  const problem = (await response.json()) as { errors: { pointer: string }[] };
  expect(problem.errors.map((e) => e.pointer)).toEqual(['/iptsNumber']);
  const after = (await (await testerFetch(`${server.url}/api/submissions`)).json()) as { items: unknown[] };
  expect(after.items.length).toBe(before.items.length);
});

test('a request already typed is stored byte for byte, with no conversions listed', async () => {
  const text = '{"iptsNumber": 7,   "sample": "D2O"}';
  const response = await submit(server.url, 'tiny', text, {
    'idempotency-key': 'text-intake-3',
    'x-schema-version': '2',
  });
  expect(response.status).toBe(201);
  const receipt = (await response.json()) as { converted?: unknown; links: { request: string } };
  expect(receipt.converted).toBeUndefined();
  expect(await (await testerFetch(`${server.url}${receipt.links.request}`)).text()).toBe(text);
});
