/**
 * The key decides before the validator does: a request accepted under one schema, retried with its
 * key after the instrument's schema changed so that it no longer fits, gets its first 201 replayed
 * (not a 422), and other bytes under that key are a 409 whether they fit or not. The service reads the
 * key only when a request is invalid (a valid one learns of a held key from the store's accept), so
 * this is what keeps the order. Real server processes, one SQLite file, the schema changed between them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { type ServerProcess, startServerProcess, submit, testerFetch } from './serverProcess';

const dir = mkdtempSync(join(tmpdir(), 'formulary-replay-schema-'));
const instruments = join(dir, 'instruments');
const db = join(dir, 'formulary.sqlite');
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server) expect(await server.stop('SIGTERM')).toBe(0);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const send = (body: string, key: string, version = '2') =>
  submit(server!.url, 'tiny', body, { 'idempotency-key': key, 'x-schema-version': version });

test('a retry under a changed schema replays its 201; other bytes under the key are a 409', async () => {
  mkdirSync(instruments);
  copyFileSync(join(import.meta.dirname, 'fixtures/tiny.schema.json'), join(instruments, 'tiny.schema.json'));
  server = await startServerProcess({ db, instruments });
  const body = JSON.stringify({ iptsNumber: 5, sample: 'silicon' });
  const first = await send(body, 'replay-schema-1');
  expect(first.status).toBe(201);
  const firstText = await first.text();
  expect(await server.stop('SIGTERM')).toBe(0);

  // Version 3 wants a longer sample name: the accepted request no longer fits.
  const schema = JSON.parse(readFileSync(join(instruments, 'tiny.schema.json'), 'utf8'));
  schema['x-schema-version'] = 3;
  schema.properties.sample.minLength = 20;
  writeFileSync(join(instruments, 'tiny.schema.json'), JSON.stringify(schema));
  server = await startServerProcess({ db, instruments });

  const fresh = await send(body, 'replay-schema-2', '3');
  expect(fresh.status).toBe(422); // the schema did change

  const retry = await send(body, 'replay-schema-1');
  expect(retry.status).toBe(201);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(await retry.text()).toBe(firstText);

  const otherInvalid = await send(JSON.stringify({ iptsNumber: 5, sample: 'water' }), 'replay-schema-1', '3');
  expect(otherInvalid.status).toBe(409);
  const otherValid = await send(
    JSON.stringify({ iptsNumber: 5, sample: 'a sample name long enough' }),
    'replay-schema-1',
    '3',
  );
  expect(otherValid.status).toBe(409);

  const stored = (await (await testerFetch(`${server.url}/api/submissions?instrument=tiny`)).json()) as {
    items: unknown[];
  };
  expect(stored.items).toHaveLength(1);
}, 120_000);
