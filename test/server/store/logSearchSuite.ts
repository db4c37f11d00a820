/**
 * The log search of the job store, on SQLite and PostgreSQL (real databases): every match of a
 * long log counted and paged in order, case ignored, LIKE's wildcards and its escape character taken
 * literally, and the search bounded to the lines stored when it began.
 */
import { expect, it } from 'vitest';
import { planJobs } from '../../../src/server/jobs/index';
import type { SubmissionStore } from '../../../src/server/store/index';
import type { JobStoreFactory } from './jobStoreSuite';

const T = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s % 60)).toISOString();

/** A running attempt with `texts` as its log, stored in batches of 2,000 the way a runner sends them. */
async function loggedJob(store: SubmissionStore, texts: readonly string[]) {
  const id = `search-${Math.random().toString(36).slice(2)}`;
  const request = { job: { mode: 'average', scans: [{ runNumber: '1' }] } };
  await store.insertBare({
    id,
    instrument: 'eqsans',
    schemaVersion: 1,
    clientSchemaVersion: 1,
    status: 'accepted',
    proposal: null,
    submitter: null,
    idempotencyKey: id,
    requestText: JSON.stringify(request),
    createdAt: T(0),
  });
  const [job] = await store.jobs.createJobs(id, 'eqsans', planJobs(request));
  const jobId = job!.id;
  await store.jobs.transition({
    jobId,
    attempt: 1,
    state: 'queued',
    time: T(1),
    message: 'Q',
    cause: 'submitted',
  });
  await store.jobs.transition({ jobId, attempt: 1, state: 'running', time: T(2), message: 'R' });
  for (let from = 0; from < texts.length; from += 2000) {
    const batch = texts.slice(from, from + 2000).map((text, i) => ({
      seq: from + i + 1,
      stream: (text.startsWith('E') ? 'stderr' : 'stdout') as 'stdout' | 'stderr',
      time: T(3),
      text,
    }));
    await store.jobs.appendLog(jobId, 1, batch);
  }
  return jobId;
}

export function logSearchTests(open: JobStoreFactory['open']): void {
  it('searches the whole stored log: every match counted, paged in order, case ignored', async () => {
    const { store } = await open();
    try {
      // 30,000 lines; every 997th says "Error" in some case; the page would load only the last 1,000.
      const texts = Array.from({ length: 30_000 }, (_, i) =>
        (i + 1) % 997 === 0 ? `${i % 2 ? 'ERROR' : 'Error'}: frame ${i + 1} unreadable` : `frame ${i + 1} ok`,
      );
      const jobId = await loggedJob(store, texts);
      const expected = texts.flatMap((t, i) => (t.toLowerCase().includes('error') ? [i + 1] : []));
      expect(expected.length).toBe(30);
      const first = await store.jobs.searchLog(jobId, 1, {
        needle: 'error',
        afterSeq: 0,
        throughSeq: 30_000,
        limit: 12,
      });
      expect(first.total).toBe(30);
      expect(first.lines.map((l) => l.seq)).toEqual(expected.slice(0, 12));
      expect(first.lines[0]).toMatchObject({
        seq: 997,
        stream: 'stderr',
        text: 'Error: frame 997 unreadable',
      });
      // The next pages carry on after the last seq shown, and together give each match once.
      const seen = [...first.lines.map((l) => l.seq)];
      let after = seen.at(-1)!;
      for (;;) {
        const page = await store.jobs.searchLog(jobId, 1, {
          needle: 'ERROR',
          afterSeq: after,
          throughSeq: 30_000,
          limit: 12,
        });
        expect(page.total).toBe(30);
        if (page.lines.length === 0) break;
        seen.push(...page.lines.map((l) => l.seq));
        after = page.lines.at(-1)!.seq;
      }
      expect(seen).toEqual(expected);
      // Bounded: lines after throughSeq are neither counted nor returned.
      const early = await store.jobs.searchLog(jobId, 1, {
        needle: 'eRRor',
        afterSeq: 0,
        throughSeq: 5000,
        limit: 100,
      });
      expect(early.total).toBe(5);
      expect(early.lines.map((l) => l.seq)).toEqual(expected.slice(0, 5));
      // Another attempt, or a needle found nowhere: nothing.
      expect(
        await store.jobs.searchLog(jobId, 2, { needle: 'error', afterSeq: 0, throughSeq: 30_000, limit: 10 }),
      ).toEqual({ total: 0, lines: [] });
      expect(
        (
          await store.jobs.searchLog(jobId, 1, {
            needle: 'nowhere',
            afterSeq: 0,
            throughSeq: 30_000,
            limit: 10,
          })
        ).total,
      ).toBe(0);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('takes % and _ and the backslash literally', async () => {
    const { store } = await open();
    try {
      const texts = [
        'progress 50% done', // 1
        'progress 500 done', // 2: "50%" as a LIKE pattern would match it
        'progress 5 done', // 3
        'param a_b = 3', // 4
        'param aXb = 3', // 5: "a_b" as a LIKE pattern would match it
        'path C:\\data\\run', // 6
        'path C:data run', // 7
        'PARAM A_B = 4', // 8
        '100%', // 9
      ];
      const jobId = await loggedJob(store, texts);
      const seqs = async (needle: string) =>
        (
          await store.jobs.searchLog(jobId, 1, { needle, afterSeq: 0, throughSeq: 100, limit: 100 })
        ).lines.map((l) => l.seq);
      expect(await seqs('50%')).toEqual([1]);
      expect(await seqs('%')).toEqual([1, 9]);
      expect(await seqs('a_b')).toEqual([4, 8]);
      expect(await seqs('_')).toEqual([4, 8]);
      expect(await seqs('C:\\data')).toEqual([6]);
      expect(await seqs('\\')).toEqual([6]);
      expect(await seqs('%_\\')).toEqual([]);
      expect(await seqs("it's")).toEqual([]);
    } finally {
      await store.close();
    }
  });
}
