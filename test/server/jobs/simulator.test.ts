/**
 * The demo reduction simulator, run the way the server runs it (LocalDispatcher, a configured task)
 * on every shipped example: it logs progress, exits 0 and writes one I(Q) curve per scan (plus the
 * average) that parseCurveFile reads; it fails with a clear last line on values it cannot reduce.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { instrumentCatalogue } from '../../../src/schemas/index';
import {
  attemptPaths,
  type Curve,
  demoJobsConfig,
  type JobsConfig,
  LocalDispatcher,
  MemoryJobRecorder,
  parseCurveFile,
  planJobs,
  taskFor,
} from '../../../src/server/jobs/index';
import { attemptOf, configWith, repoRoot, tempDir } from './jobsTestKit';

const simulator = join(repoRoot, 'examples/reduction-simulator/simulate.mjs');
const recorders: MemoryJobRecorder[] = [];
afterEach(() => {
  for (const recorder of recorders.splice(0)) expect(recorder.violations).toEqual([]);
});

function simulatorConfig(): JobsConfig {
  return configWith(
    {
      '*': {
        command: ['{node}', simulator, '{requestFile}', '--seconds', '0.3'],
        curveFile: 'reduced/{instrument}-iq.csv',
        concurrency: 4,
      },
    },
    { maxConcurrent: 4 },
  );
}

/** Runs every job of `request` through a LocalDispatcher; returns each job's final state, log and curves. */
async function reduce(instrument: string, request: unknown) {
  const config = simulatorConfig();
  const recorder = new MemoryJobRecorder();
  recorders.push(recorder);
  const dispatcher = new LocalDispatcher({ config, recorder });
  const attempts = planJobs(request).map((job) =>
    attemptOf({ instrument, scanIndex: job.scanIndex, request: job.request }),
  );
  for (const attempt of attempts) await dispatcher.enqueue(attempt);
  await dispatcher.idle();
  return attempts.map((attempt) => {
    const final = recorder.lastTransition(attempt.jobId)!;
    const file = attemptPaths(attempt, taskFor(config, instrument)!, config).curveFile!;
    expect(file).toBe(join(config.jobsDir, attempt.jobId, '1', 'reduced', `${instrument}-iq.csv`));
    const curves = final.state === 'succeeded' ? parseCurveFile(readFileSync(file, 'utf8')) : [];
    return { final, log: recorder.logText(attempt.jobId), curves };
  });
}

function expectPlausible(curve: Curve): void {
  expect(curve.points.length).toBeGreaterThanOrEqual(5);
  for (const [i, p] of curve.points.entries()) {
    expect(Number.isFinite(p.q) && Number.isFinite(p.intensity) && Number.isFinite(p.error)).toBe(true);
    expect(p.q).toBeGreaterThan(0);
    expect(p.intensity).toBeGreaterThan(0);
    expect(p.error).toBeGreaterThan(0);
    if (i > 0) expect(p.q).toBeGreaterThan(curve.points[i - 1]!.q);
  }
  // Small-angle scattering and reflectivity both fall off with Q.
  expect(curve.points[0]!.intensity).toBeGreaterThan(curve.points.at(-1)!.intensity * 5);
}

const examples = instrumentCatalogue.flatMap(({ id }) =>
  readdirSync(join(repoRoot, 'examples', id))
    .filter((file) => file.endsWith('.json') && !file.startsWith('invalid-'))
    .map((file) => ({
      id,
      file,
      request: JSON.parse(readFileSync(join(repoRoot, 'examples', id, file), 'utf8')),
    })),
);

describe('the reduction simulator through the local dispatcher', () => {
  for (const { id, file, request } of examples) {
    it(`reduces ${id}/${file}: one curve per scan`, async () => {
      const results = await reduce(id, request);
      const scans = request.job.scans as unknown[];
      for (const { final, log } of results) {
        expect(final.state, log).toBe('succeeded');
        expect(log).toMatch(/stdout: Reducing 1? ?\d* ?scan/);
        expect(log).toContain('binning 100%');
        expect(log).toMatch(/system: Curve file: \S+-iq\.csv \([\d.]+ kB\)/);
      }
      if (request.job.mode === 'each_scan') {
        expect(results).toHaveLength(scans.length);
        results.forEach(({ curves }, i) => {
          expect(curves.map((c) => c.label)).toEqual([
            expect.stringMatching(new RegExp(`^scan ${i + 1}: run `)),
          ]);
        });
      } else {
        expect(results).toHaveLength(1);
        const labels = results[0]!.curves.map((c) => c.label);
        expect(labels).toHaveLength(scans.length + 1);
        expect(labels.at(-1)).toBe('average');
      }
      for (const curve of results.flatMap((r) => r.curves)) expectPlausible(curve);
    });
  }

  it('scales the intensity with the sample concentration', async () => {
    const base = examples.find((e) => e.file === 'average-protein-concentrations.json')!.request;
    const scans = base.job.scans.map((scan: object, i: number) => ({
      ...scan,
      concentration: i === 0 ? 5 : 10,
    }));
    const [result] = await reduce('eqsans', { ...base, job: { ...base.job, scans } });
    const [low, high] = result!.curves;
    const ratio = high!.points[0]!.intensity / low!.points[0]!.intensity;
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('fails a scan whose transmission is too low, with the reason as the job message', async () => {
    const base = examples.find((e) => e.file === 'each-scan-wedges-temperature-series.json')!.request;
    const scans = base.job.scans.map((scan: object, i: number) =>
      i === 1 ? { ...scan, transmission: { runNumber: null, value: 0.05 } } : scan,
    );
    const results = await reduce('eqsans', { ...base, job: { ...base.job, scans } });
    expect(results.map((r) => r.final.state)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(results[1]!.log).toMatch(/system: No curve file was written at \S+-iq\.csv/);
    // The pointer and scan number are those of the submitted request, not of the one-scan job request.
    expect(results[2]!.log).toContain('stdout: scan 3 (run 142014:142015)');
    expect(results[1]!.final.message).toBe(
      'error: cannot reduce: /job/scans/1/transmission/value: transmission 0.05 of run 142012 is below 0.1; too little beam reaches the detector to reduce this scan',
    );
  });
});

describe('the demo configuration', () => {
  it('runs the simulator for any instrument and keeps its curve in the attempt folder', async () => {
    const config = demoJobsConfig(repoRoot, tempDir());
    const recorder = new MemoryJobRecorder();
    recorders.push(recorder);
    const dispatcher = new LocalDispatcher({ config, recorder });
    const request = examples.find((e) => e.file === 'average-silicon-standard.json')!.request;
    const attempt = attemptOf({ instrument: 'powder', request });
    await dispatcher.enqueue(attempt);
    expect(await recorder.waitForFinal(attempt.jobId, 1, 60_000)).toMatchObject({ state: 'succeeded' });
    const curveFile = attemptPaths(attempt, taskFor(config, 'powder')!, config).curveFile!;
    expect(curveFile).toBe(join(config.jobsDir, attempt.jobId, '1', 'reduced', 'iq.csv'));
    expect(parseCurveFile(readFileSync(curveFile, 'utf8')).map((c) => c.label)).toEqual([
      'scan 1: run 58810 (NIST Si 640f)',
      'scan 2: run 58811-58812 (NIST Si 640f)',
      'average',
    ]);
  });
});

describe('the reduction simulator on its own', () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [simulator, ...args], { input, encoding: 'utf8', timeout: 30_000 });

  it('reads the request on stdin and writes the curve where --output says', () => {
    const output = join(tempDir(), 'iq.csv');
    const request = readFileSync(join(repoRoot, 'examples/powder/each-scan-temperature-ramp.json'), 'utf8');
    const result = run(['--seconds', '0', '--output', output], request);
    expect(result.status, result.stderr).toBe(0);
    expect(parseCurveFile(readFileSync(output, 'utf8'))).toHaveLength(4);
  });

  it.each([
    ['not json', 'error: cannot reduce: the request is not JSON: '],
    ['{"job": {"mode": "average", "scans": []}}', 'error: cannot reduce: /job/scans: no scan to reduce'],
    [
      '{"binning": {"Qmin": 0.3, "Qmax": 0.1}, "job": {"mode": "average", "scans": [{"runNumber": "1"}]}}',
      'error: cannot reduce: /binning/Qmin: 0.3 1/Å is not below Qmax 0.1 1/Å',
    ],
    [
      '{"job": {"mode": "average", "scans": [{"runNumber": "12-x"}]}}',
      'error: cannot reduce: /job/scans/0/runNumber: "12-x" is not a run number or a range',
    ],
  ])('refuses %s with a clear last line', (input, message) => {
    const result = run(['--seconds', '0', '--output', join(tempDir(), 'iq.csv')], input);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toContain(message);
  });

  it('names a wrong option', () => {
    const result = run(['--speed', '3']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('simulate.mjs: unknown option --speed');
  });
});
