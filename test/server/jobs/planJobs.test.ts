/**
 * Jobs from the shipped example requests: every instrument's "average" request is one job over all
 * its scans, every "each_scan" request one job per scan whose request holds that scan alone (and is
 * otherwise the request as sent). Bad job choices are refused naming the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrumentCatalogue } from '../../../src/schemas/index';
import { JobPlanError, planJobs } from '../../../src/server/jobs/index';
import { repoRoot } from './jobsTestKit';

interface Example {
  readonly instrument: string;
  readonly file: string;
  readonly request: { job: { mode: string; scans: unknown[] } } & Record<string, unknown>;
}

const examples: Example[] = instrumentCatalogue.flatMap(({ id }) =>
  readdirSync(join(repoRoot, 'examples', id))
    .filter((file) => file.endsWith('.json') && !file.startsWith('invalid-'))
    .map((file) => ({
      instrument: id,
      file,
      request: JSON.parse(readFileSync(join(repoRoot, 'examples', id, file), 'utf8')),
    })),
);

describe('planJobs on the shipped examples', () => {
  it('covers both job choices of every shipped instrument', () => {
    for (const { id } of instrumentCatalogue) {
      const modes = examples.filter((e) => e.instrument === id).map((e) => e.request.job.mode);
      expect(new Set(modes), id).toEqual(new Set(['average', 'each_scan']));
    }
  });

  for (const { instrument, file, request } of examples) {
    it(`${instrument}/${file}`, () => {
      const jobs = planJobs(request);
      const { scans } = request.job;
      if (request.job.mode === 'average') {
        expect(jobs).toHaveLength(1);
        expect(jobs[0]).toMatchObject({ index: 0, scanIndex: null, label: `${scans.length} scans averaged` });
        expect(jobs[0]!.request).toBe(request);
        expect(jobs[0]!.maxParallel).toBeUndefined();
        return;
      }
      expect(jobs).toHaveLength(scans.length);
      const job = request.job as { maxParallelJobs?: number; continueOnFailure?: boolean };
      for (const planned of jobs) {
        expect(planned.maxParallel).toBe(job.maxParallelJobs);
        expect(planned.stopOnFailure).toBe(job.continueOnFailure === false ? true : undefined);
      }
      jobs.forEach((job, i) => {
        expect(job.index).toBe(i);
        expect(job.scanIndex).toBe(i);
        expect(job.label).toMatch(new RegExp(`^scan ${i + 1} of ${scans.length}: run `));
        const narrowed = job.request as Example['request'];
        expect(narrowed.job.scans).toEqual([scans[i]]);
        expect({ ...narrowed, job: { ...narrowed.job, scans } }).toEqual(request);
      });
      expect(request.job.scans).toBe(scans); // the accepted request itself is not changed
    });
  }

  it("carries the request's own limits: the powder ramp stops on failure, four at a time", () => {
    const ramp = examples.find((e) => e.file === 'each-scan-temperature-ramp.json')!;
    expect(planJobs(ramp.request).map((j) => [j.maxParallel, j.stopOnFailure])).toEqual(
      Array.from({ length: 4 }, () => [4, true]),
    );
  });

  it('labels a per-scan job with its run and sample', () => {
    const eqsans = examples.find((e) => e.file === 'each-scan-wedges-temperature-series.json')!;
    expect(planJobs(eqsans.request).map((j) => j.label)).toEqual([
      'scan 1 of 3: run 142010 (P123 micelles 25C)',
      'scan 2 of 3: run 142012 (P123 micelles 40C)',
      'scan 3 of 3: run 142014:142015 (P123 micelles 55C)',
    ]);
  });
});

describe('planJobs on requests it cannot plan', () => {
  it('is one job when the request has no job choice', () => {
    expect(planJobs({ runNumber: '1' })).toEqual([
      { index: 0, scanIndex: null, label: 'reduction', request: { runNumber: '1' } },
    ]);
  });

  it.each([
    [[], ''],
    [{ job: 'average' }, '/job'],
    [{ job: { mode: 'each_scan', scans: [] } }, '/job/scans'],
    [{ job: { mode: 'each_scan' } }, '/job/scans'],
    [{ job: { mode: 'sum', scans: [{}] } }, '/job/mode'],
  ])('refuses %j naming %s', (request, pointer) => {
    let error: unknown;
    try {
      planJobs(request);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JobPlanError);
    expect((error as JobPlanError).pointer).toBe(pointer);
  });
});
