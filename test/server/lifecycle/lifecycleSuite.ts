/**
 * What happens to submissions when the server stops: SIGKILL with 50 in flight (then a restart and
 * the clients retrying with their keys), and SIGTERM (finish what is in flight, close the database,
 * exit 0). Real server processes, real databases; run per back end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testerFetch as fetch, repoRoot, startServerProcess, submit } from '../serverProcess';

export interface LifecycleDatabase {
  readonly db: string;
  /** The SQLite file, to check it was closed cleanly (its WAL checkpointed away). */
  readonly sqliteFile?: string;
  drop(): Promise<void>;
}

const example = JSON.parse(
  readFileSync(join(repoRoot, 'examples/eqsans/average-protein-concentrations.json'), 'utf8'),
) as { job: { outputName: string } };

/** n distinct valid requests with their keys, as n clients would hold them. */
function clients(n: number, tag: string) {
  return Array.from({ length: n }, (_, i) => {
    const request = structuredClone(example);
    request.job.outputName = `${tag}_${i}`;
    return { key: `${tag}-key-${i}`, body: JSON.stringify(request) };
  });
}

type Attempt = { status: number; id?: string } | { error: string };

async function attempt(url: string, client: { key: string; body: string }): Promise<Attempt> {
  try {
    const response = await submit(url, 'eqsans', client.body, { 'idempotency-key': client.key });
    const text = await response.text();
    return {
      status: response.status,
      id: response.status === 201 ? (JSON.parse(text) as { id: string }).id : undefined,
    };
  } catch (error) {
    return { error: String(error) };
  }
}

async function storedUnderKey(url: string, key: string): Promise<{ id: string }[]> {
  const response = await fetch(`${url}/api/submissions?idempotencyKey=${encodeURIComponent(key)}`);
  return ((await response.json()) as { items: { id: string }[] }).items;
}

export function describeLifecycle(name: string, database: () => Promise<LifecycleDatabase>): void {
  describe(`server lifecycle on ${name}`, () => {
    it('SIGKILL with 50 in flight: every 201 is stored, and retries store none twice', async () => {
      const db = await database();
      try {
        const first = await startServerProcess({ db: db.db });
        const crowd = clients(50, `kill${Date.now()}`);
        let killed = false;
        const results = await Promise.all(
          crowd.map(async (client) => {
            const result = await attempt(first.url, client);
            // The first answer pulls the plug: the rest are mid-request, queued or not yet sent.
            if (!killed && 'status' in result) {
              killed = true;
              first.child.kill('SIGKILL');
            }
            return result;
          }),
        );
        expect(await first.exited).toBe('SIGKILL');
        const accepted = results.flatMap((r, i) =>
          'status' in r && r.status === 201 ? [{ i, id: r.id! }] : [],
        );
        expect(accepted.length).toBeGreaterThan(0);
        expect(accepted.length).toBeLessThan(50);

        const second = await startServerProcess({ db: db.db });
        try {
          // Every submission a client saw a 201 for survived the kill, byte for byte.
          for (const { i, id } of accepted) {
            const stored = await fetch(`${second.url}/api/submissions/${id}/request`);
            expect(stored.status).toBe(200);
            expect(await stored.text()).toBe(crowd[i]!.body);
          }
          // Every client retries what it did not see accepted (and, to be sure, what it did) with its key.
          const retried = await Promise.all(crowd.map((client) => attempt(second.url, client)));
          for (const [i, r] of retried.entries()) {
            expect(r).toMatchObject({ status: 201 });
            const before = accepted.find((a) => a.i === i);
            if (before) expect((r as { id: string }).id).toBe(before.id);
          }
          for (const client of crowd) expect(await storedUnderKey(second.url, client.key)).toHaveLength(1);
        } finally {
          expect(await second.stop('SIGTERM')).toBe(0);
        }
      } finally {
        await db.drop();
      }
    }, 240_000);

    it('SIGTERM: finishes what is in flight, closes the database, exits 0', async () => {
      const db = await database();
      try {
        const server = await startServerProcess({ db: db.db });
        const crowd = clients(30, `term${Date.now()}`);
        let signalled = false;
        const results = await Promise.all(
          crowd.map(async (client) => {
            const result = await attempt(server.url, client);
            if (!signalled) {
              signalled = true;
              server.child.kill('SIGTERM');
            }
            return result;
          }),
        );
        expect(await server.exited).toBe(0);
        expect(server.log()).toContain('shutting down');
        // Nothing half-done: each request was either answered (201) or refused before it began.
        for (const r of results) {
          if ('status' in r) expect([201, 503]).toContain(r.status);
        }
        if (db.sqliteFile) {
          // better-sqlite3 checkpoints and removes the WAL when the database is closed properly.
          expect(existsSync(`${db.sqliteFile}-wal`)).toBe(false);
        }
        const again = await startServerProcess({ db: db.db });
        try {
          for (const [i, r] of results.entries()) {
            if ('status' in r && r.status === 201)
              expect(await storedUnderKey(again.url, crowd[i]!.key)).toEqual([
                expect.objectContaining({ id: r.id }),
              ]);
          }
        } finally {
          expect(await again.stop('SIGINT')).toBe(0);
        }
      } finally {
        await db.drop();
      }
    }, 240_000);
  });
}
