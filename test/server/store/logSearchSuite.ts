/**
 * The log search of the job store, on SQLite and PostgreSQL (real databases): every match of a
 * long log counted and paged in order, case ignored in every script (Unicode full case folding, the
 * same on both stores), LIKE's wildcards and its escape character taken literally, and the search
 * bounded to the lines stored when it began.
 */
import { caseFold } from 'unicode-case-folding';
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

/** The matches after `afterSeq`, 12 a page as the list scrolls, each page's total checked. */
async function laterMatches(
  store: SubmissionStore,
  jobId: string,
  needle: string,
  afterSeq: number,
  throughSeq: number,
  total: number,
): Promise<number[]> {
  const seqs: number[] = [];
  let after = afterSeq;
  for (;;) {
    const page = await store.jobs.searchLog(jobId, 1, { needle, afterSeq: after, throughSeq, limit: 12 });
    expect(page.total).toBe(total);
    if (page.lines.length === 0) return seqs;
    seqs.push(...page.lines.map((l) => l.seq));
    after = page.lines.at(-1)!.seq;
  }
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
      seen.push(...(await laterMatches(store, jobId, 'ERROR', seen.at(-1)!, 30_000, 30)));
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

  it('ignores case beyond ASCII: accents, Greek, Cyrillic, ß, µ, ligatures', async () => {
    const { store } = await open();
    try {
      const texts = [
        'Ångström scale set', // 1
        'Überlauf im Detektor', // 2
        'échec de la réduction', // 3
        'ΔΣ = 0.3 after fit', // 4: lower-cases to "δς", final sigma
        'σ estimated', // 5
        'Straße der Proben', // 6
        'elapsed 12 µs', // 7: micro sign U+00B5
        'ﬁle not found', // 8: ligature fi, as pasted from a PDF
        'ОШИБКА чтения', // 9
        'İzmir beamline', // 10
        'Ü_b 50% Å', // 11
        'ÜXb 500 Å', // 12
        'STRASSE', // 13
        'a 1 Å', // 14: Ångström sign U+212B
      ];
      const jobId = await loggedJob(store, texts);
      const seqs = async (needle: string) =>
        (
          await store.jobs.searchLog(jobId, 1, { needle, afterSeq: 0, throughSeq: 100, limit: 100 })
        ).lines.map((l) => l.seq);
      expect(await seqs('ångström')).toEqual([1]);
      expect(await seqs('ÅNGSTRÖM')).toEqual([1]);
      expect(await seqs('überlauf')).toEqual([2]);
      expect(await seqs('ÜBERLAUF')).toEqual([2]);
      expect(await seqs('ÉCHEC')).toEqual([3]);
      expect(await seqs('RÉDUCTION')).toEqual([3]);
      expect(await seqs('Σ')).toEqual([4, 5]);
      expect(await seqs('ς')).toEqual([4, 5]);
      expect(await seqs('δσ')).toEqual([4]);
      expect(await seqs('strasse')).toEqual([6, 13]);
      expect(await seqs('STRAẞE')).toEqual([6, 13]);
      expect(await seqs('μs')).toEqual([7]); // Greek mu finds the micro sign
      expect(await seqs('FILE')).toEqual([8]);
      expect(await seqs('ошибка')).toEqual([9]);
      expect(await seqs('izmir')).toEqual([]); // İ folds to i + combining dot: "izmir" is another word
      expect(await seqs('i̇zmir')).toEqual([10]);
      expect(await seqs('ü_b 50%')).toEqual([11]); // wildcards stay literal beside folded letters
      expect(await seqs('å')).toEqual([1, 11, 12, 14]);
    } finally {
      await store.close();
    }
  });

  it('counts and pages non-ASCII matches as it does ASCII ones', async () => {
    const { store } = await open();
    try {
      const forms = ['Ångström', 'ÅNGSTRÖM', 'ångström', 'ÅngStröm'];
      const texts = Array.from({ length: 5_000 }, (_, i) =>
        (i + 1) % 101 === 0 ? `λ = 6 ${forms[i % 4]} at frame ${i + 1}` : `frame ${i + 1} ok`,
      );
      const jobId = await loggedJob(store, texts);
      const expected = texts.flatMap((t, i) => (t.includes('λ') ? [i + 1] : []));
      expect(expected.length).toBe(49);
      expect(await laterMatches(store, jobId, 'ångSTRÖM', 0, 5_000, 49)).toEqual(expected);
    } finally {
      await store.close();
    }
  });

  it('answers as Unicode full case folding does, for random lines and needles (seeded)', async () => {
    const { store } = await open();
    try {
      // Letters whose cases differ in length, context or script, and LIKE's specials.
      const alphabet = [...'aAsSßẞſkKKσΣςµμΜiIİıﬁfFåÅÅüÜ ǰJ̌ᾈᾀἀιΙ%_\\xX'];
      let seed = 20261208;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const word = (length: number) =>
        Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const texts = Array.from({ length: 400 }, () => word(4 + Math.floor(random() * 12)));
      const jobId = await loggedJob(store, texts);
      for (let n = 0; n < 60; n += 1) {
        const needle = n % 3 === 0 ? texts[n]!.slice(1, 4).toUpperCase() : word(1 + (n % 3));
        const expected = texts.flatMap((t, i) => (caseFold(t).includes(caseFold(needle)) ? [i + 1] : []));
        const found = await store.jobs.searchLog(jobId, 1, {
          needle,
          afterSeq: 0,
          throughSeq: 400,
          limit: 400,
        });
        expect({ needle, seqs: found.lines.map((l) => l.seq), total: found.total }).toEqual({
          needle,
          seqs: expected,
          total: expected.length,
        });
      }
    } finally {
      await store.close();
    }
  }, 60_000);
}
