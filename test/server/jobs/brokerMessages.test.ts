/**
 * The broker's message format and routing without a broker: a job message carries the facility's
 * fields at the top level (with configurable names) beside the full request; routes pick the
 * instrument's queue, its own route, or the high-memory queue by a request value; bad bodies and bad
 * configuration are refused with the field named.
 */
import { describe, expect, it } from 'vitest';
import {
  type JobAttempt,
  JobsConfigError,
  jobMessage,
  parseJobsConfig,
  readJobMessage,
  readStatusMessage,
  routeFor,
  runNumbersOf,
} from '../../../src/server/jobs/index';

const request = {
  instrumentName: 'EQSANS',
  iptsNumber: 31377,
  job: { mode: 'each_scan', scans: [{ runNumber: '142010' }, { runNumber: '142014:142016' }] },
  reduction: { memory: 'high' },
};
const attempt: JobAttempt = {
  jobId: 'j1',
  attempt: 2,
  submissionId: 's1',
  instrument: 'eqsans',
  scanIndex: null,
  request,
  cause: 'rerun',
};
const config = (broker: unknown = {}) => parseJobsConfig({ dispatcher: 'stomp', broker }, '/tmp').broker;

describe('job messages', () => {
  it('puts facility, instrument, proposal, runs and data files at the top, beside the request', () => {
    const broker = config({
      facility: 'SNS',
      dataFileTemplate: '/SNS/{instrument}/{proposal}/nexus/{instrument}_{run}.nxs.h5',
    });
    const message = jobMessage(attempt, broker);
    expect(message).toMatchObject({
      facility: 'SNS',
      instrument: 'EQSANS',
      ipts: 'IPTS-31377',
      run_numbers: ['142010', '142014', '142015', '142016'],
      request,
      formulary: {
        version: 1,
        jobId: 'j1',
        attempt: 2,
        instrument: 'eqsans',
        cause: 'rerun',
        replyTo: '/queue/formulary.status',
      },
    });
    expect((message.data_files as string[])[0]).toBe('/SNS/EQSANS/IPTS-31377/nexus/EQSANS_142010.nxs.h5');
    expect(message.data_files).toHaveLength(4);
    // A worker reads back the same attempt.
    const read = readJobMessage(JSON.stringify(message), broker);
    expect('attempt' in read && read.attempt).toMatchObject({
      jobId: 'j1',
      attempt: 2,
      instrument: 'eqsans',
      request,
    });
  });

  it('renames the top-level fields as the configuration says', () => {
    const broker = config({
      fields: { proposal: 'proposal', runNumbers: 'run_number', request: 'reduction_request' },
    });
    const message = jobMessage(attempt, broker);
    expect(Object.keys(message)).toEqual([
      'facility',
      'instrument',
      'proposal',
      'run_number',
      'data_files',
      'reduction_request',
      'formulary',
    ]);
    expect('attempt' in readJobMessage(JSON.stringify(message), broker)).toBe(true);
  });

  it('expands run ranges and lists, once each', () => {
    expect(runNumbersOf({ runs: ['1,2', '2:4', 7, 'x', '9-8'] }, ['/runs/*'])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '7',
    ]);
  });

  it('refuses bodies it cannot run, saying what is wrong', () => {
    const broker = config();
    expect(readJobMessage('not json', broker)).toMatchObject({ problem: expect.stringMatching(/not JSON/) });
    expect(readJobMessage('{"request": {}}', broker)).toMatchObject({
      problem: expect.stringMatching(/"formulary"/),
    });
    expect(
      readJobMessage(
        JSON.stringify({
          request: {},
          formulary: { version: 1, jobId: '../x', attempt: 1, instrument: 'a' },
        }),
        broker,
      ),
    ).toMatchObject({ problem: expect.stringMatching(/jobId/) });
    expect(readStatusMessage('{"kind":"done","jobId":"a","attempt":1,"runId":"w/1"}')).toMatchObject({
      problem: expect.stringMatching(/kind must be/),
    });
    expect(readStatusMessage('{"kind":"log","jobId":"a","attempt":1,"runId":"w/1"}')).toMatchObject({
      problem: expect.stringMatching(/lines/),
    });
  });

  it('reads a curve message, and names what a bad one lacks', () => {
    const head = '"kind":"curve","jobId":"a","attempt":1,"runId":"w/1","redelivered":false';
    expect(
      readStatusMessage(
        `{${head},"curve":{"bytes":12,"time":"2026-12-07T10:00:00.000Z","text":"0.1,5,0.2\\n"}}`,
      ),
    ).toMatchObject({ kind: 'curve', curve: { bytes: 12, text: '0.1,5,0.2\n' } });
    // Without text (a file above the limit): still news, the server stores the event.
    expect(readStatusMessage(`{${head},"curve":{"bytes":9000000,"time":"t"}}`)).toMatchObject({
      curve: { bytes: 9000000 },
    });
    expect(readStatusMessage(`{${head}}`)).toMatchObject({
      problem: expect.stringMatching(/"curve" with bytes/),
    });
    expect(readStatusMessage(`{${head},"curve":{"bytes":"12","time":"t"}}`)).toMatchObject({
      problem: expect.stringMatching(/bytes \(an integer\)/),
    });
    expect(readStatusMessage(`{${head},"curve":{"bytes":1,"time":"t","text":3}}`)).toMatchObject({
      problem: expect.stringMatching(/curve\.text must be a string/),
    });
  });
});

describe('routes', () => {
  it('sends each instrument to its own queue, or to its configured route', () => {
    const broker = config({ routes: { biosans: '/queue/REDUCTION.BIOSANS' } });
    expect(routeFor(attempt, broker)).toBe('/queue/formulary.jobs.eqsans');
    expect(routeFor({ ...attempt, instrument: 'biosans' }, broker)).toBe('/queue/REDUCTION.BIOSANS');
  });

  it('takes the high-memory route when the request value matches', () => {
    const broker = config({ highMemory: { pointer: '/reduction/memory', values: ['high'] } });
    expect(routeFor(attempt, broker)).toBe('/queue/formulary.highmem.eqsans');
    expect(routeFor({ ...attempt, request: { reduction: { memory: 'low' } } }, broker)).toBe(
      '/queue/formulary.jobs.eqsans',
    );
    const byFlag = config({ highMemory: { pointer: '/big' } });
    expect(routeFor({ ...attempt, request: { big: true } }, byFlag)).toBe('/queue/formulary.highmem.eqsans');
    expect(routeFor({ ...attempt, request: { big: 'yes' } }, byFlag)).toBe('/queue/formulary.jobs.eqsans');
  });
});

describe('broker configuration', () => {
  it('names every bad key at once', () => {
    let error: unknown;
    try {
      parseJobsConfig(
        {
          dispatcher: 'rabbit',
          broker: {
            url: 'http://x',
            jobQueue: 'jobs',
            highMemory: { pointer: 'x' },
            fields: { colour: 'c' },
            queue: 1,
          },
        },
        '/tmp',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JobsConfigError);
    const problems = (error as JobsConfigError).problems.join('\n');
    expect(problems).toMatch(/jobs\.dispatcher: must be "local" .* or "stomp"/);
    expect(problems).toMatch(/jobs\.broker\.url: "http:\/\/x" is not a broker address/);
    expect(problems).toMatch(/jobs\.broker\.jobQueue: "jobs" is not a STOMP destination/);
    expect(problems).toMatch(/jobs\.broker\.highMemory\.pointer: must be a JSON Pointer/);
    expect(problems).toMatch(/jobs\.broker\.fields\.colour: unknown field/);
    expect(problems).toMatch(/jobs\.broker\.queue: unknown key/);
  });
});
