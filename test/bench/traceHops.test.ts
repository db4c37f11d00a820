/**
 * bench:dispatch --trace reads a STOMP trace into each broker job's hops; the tail is pinned on a hop
 * from these numbers, so they must be right. A trace written as the server (pid 100), a worker (pid
 * 200) and the benchmark write it, with one job and a second job's frames interleaved.
 */
import { describe, expect, test } from 'vitest';
import { traceHops } from '../../bench/dispatch/traceHops';

const q = '/queue/b.jobs.bench';
const s = '/queue/b.status';
const trace = [
  '1000.00 100 BENCH enqueue job-1',
  `1000.50 100 >>> SEND | destination:${q} | formulary-job-id:job-1 | receipt:r-1 | content-length:3 |  | `,
  `1000.70 100 >>> SEND | destination:${q} | formulary-job-id:other-9 | receipt:r-2 | content-length:3 |  | `,
  '1002.00 200 Received data',
  `1002.30 200 <<< MESSAGE | timestamp:1001 | formulary-job-id:job-1 | destination:${q} | content-length:3 |  | `,
  '1002.60 200 WORKER run job-1',
  '1008.60 200 WORKER running job-1',
  `1009.00 200 >>> SEND | destination:${s} | formulary-status:started | formulary-job-id:job-1 | receipt:r-7 | content-length:3 |  | `,
  '1009.50 100 Received data',
  '1009.60 100 <<< RECEIPT | receipt-id:r-1 |  | ',
  '1011.00 100 Received data',
  `1011.20 100 <<< MESSAGE | timestamp:1010 | formulary-job-id:job-1 | formulary-status:started | destination:${s} | content-length:3 |  | `,
  '1011.50 100 BENCH running job-1',
  '1012.00 200 Received data',
  '1012.10 200 <<< RECEIPT | receipt-id:r-7 |  | ',
].join('\n');

describe('traceHops', () => {
  test('splits a job into its hops, with the broker timestamps between', () => {
    const [hops, ...rest] = traceHops(trace, (id) => id === 'job-1');
    expect(rest).toEqual([]);
    const rounded = Object.fromEntries(
      Object.entries(hops!).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v]),
    );
    expect(rounded).toEqual({
      jobId: 'job-1',
      serverOut: 0.5,
      toBroker: 0.5, // SEND at 1000.5, broker's timestamp 1001
      brokerToWorker: 1, // the bytes' arrival (Received data), not the parsed frame
      worker: 7,
      spawn: 6,
      statusToBroker: 1,
      brokerToServer: 1,
      serverIn: 0.5,
      jobReceipt: 9.1,
      startedReceipt: 3.1,
      total: 11.5,
      dispatch: 5.5, // total less the process start
    });
  });

  test('leaves out jobs it is not asked for, and hops whose frames are missing', () => {
    expect(traceHops(trace, (id) => id === 'nobody')).toEqual([]);
    const cut = trace.split('\n').slice(0, 5).join('\n');
    const [hops] = traceHops(cut, (id) => id === 'job-1');
    expect(hops!.brokerToWorker).toBeCloseTo(1);
    expect(hops!.worker).toBeUndefined();
    expect(hops!.total).toBeUndefined();
    expect(hops!.dispatch).toBeUndefined();
  });
});
