/**
 * accept()'s prepared-statement path on SQLite (a fresh file per test), plus what only this path can
 * get wrong: it shares the handle with Kysely, whose transactions span awaits, and must never write
 * into one of them (a rollback there would take an accepted submission with it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/server/store/index';
import { describeAccept } from './acceptSuite';

const dir = mkdtempSync(join(tmpdir(), 'formulary-accept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `accept-${++n}.sqlite`);

describeAccept('SQLite', {
  async open() {
    const file = fresh();
    return {
      store: await openStore({ db: file }),
      async query(sql) {
        const raw = new Database(file, { readonly: true });
        try {
          return raw.prepare(sql).all() as Record<string, unknown>[];
        } finally {
          raw.close();
        }
      },
    };
  },
});

describe('accept() on SQLite beside Kysely transactions', () => {
  it('keeps every accept started while another transaction is open and then rolled back', async () => {
    const store = await openStore({ db: fresh() });
    try {
      const ids: string[] = [];
      // A recorder call for a job that does not exist: BEGIN, a read, an error, ROLLBACK, spread over
      // promise turns. Accepts start 0..40 turns later, so some land while that transaction is open.
      for (let turns = 0; turns <= 40; turns++) {
        const id = `beside-${turns}`;
        ids.push(id);
        const failing = store.jobs
          .transition({
            jobId: 'no-such-job',
            attempt: 1,
            state: 'running',
            time: '2026-01-01T00:00:00.000Z',
            message: 'Running',
          })
          .then(
            () => 'resolved',
            () => 'rolled back',
          );
        for (let i = 0; i < turns; i++) await Promise.resolve();
        const outcome = await store.accept(
          {
            id,
            instrument: 'eqsans',
            schemaVersion: 1,
            clientSchemaVersion: 1,
            status: 'accepted',
            proposal: null,
            submitter: null,
            idempotencyKey: id,
            requestText: '{}',
            createdAt: '2026-01-01T00:00:00.000Z',
          },
          {
            key: id,
            fingerprint: 'fp',
            submissionId: id,
            responseStatus: 201,
            responseBody: '{}',
            createdAt: '2026-01-01T00:00:00.000Z',
            expiresAt: '2099-01-01T00:00:00.000Z',
          },
          '2026-01-01T00:00:00.000Z',
        );
        expect(outcome.kind).toBe('stored');
        expect(await failing).toBe('rolled back');
      }
      for (const id of ids) expect((await store.get(id))?.id, id).toBe(id);
      expect(await store.count()).toBe(ids.length);
    } finally {
      await store.close();
    }
  });
});
