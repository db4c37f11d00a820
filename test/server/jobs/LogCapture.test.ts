/**
 * Log capture without a process: lines split across chunks (UTF-8 characters too), batches of at
 * most 200 lines in order, a refused batch sent again before newer lines, the size cap with its
 * marker, and the last error line.
 */
import { describe, expect, it } from 'vitest';
import { LogCapture, type LogLine, TRUNCATED_MARKER } from '../../../src/server/jobs/index';

function capture(options: { limitBytes?: number; refuse?: number; maxLineChars?: number } = {}) {
  const batches: LogLine[][] = [];
  const errors: unknown[] = [];
  let refuse = options.refuse ?? 0;
  const log = new LogCapture({
    limitBytes: options.limitBytes ?? 1024 * 1024,
    maxLineChars: options.maxLineChars,
    send: async (lines) => {
      if (refuse-- > 0) throw new Error('database restarting');
      batches.push([...lines]);
    },
    onSendError: (error) => errors.push(error),
  });
  const stored = () => batches.flat();
  return { log, batches, errors, stored };
}

describe('LogCapture', () => {
  it('splits lines across chunks, keeping multi-byte characters whole', async () => {
    const { log, stored } = capture();
    const out = log.stream('stdout');
    const text = Buffer.from('Å-range 1\nQ in 1/Å\r\nend');
    const cut = text.indexOf(Buffer.from('Å', 'utf8'), 5) + 1; // inside the two bytes of the second Å
    out.write(text.subarray(0, cut));
    out.write(text.subarray(cut));
    out.end();
    await log.finish();
    expect(stored().map((l) => l.text)).toEqual(['Å-range 1', 'Q in 1/Å', 'end']);
  });

  it('sends batches of at most 200 lines, in order, and a lone line without being asked', async () => {
    const { log, batches, stored } = capture();
    const out = log.stream('stdout');
    out.write(Buffer.from(Array.from({ length: 450 }, (_, i) => `line ${i + 1}\n`).join('')));
    await log.flush();
    expect(batches.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(stored().map((l) => l.seq)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    out.write(Buffer.from('one more\n'));
    // Nobody flushes: the 50 ms timer sends it (waited for, not timed: the machine may be busy).
    const deadline = Date.now() + 10_000;
    while (batches.length === 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batches.at(-1)!.map((l) => l.text)).toEqual(['one more']);
  });

  it('sends a refused batch again before newer lines', async () => {
    const { log, errors, stored } = capture({ refuse: 1 });
    const err = log.stream('stderr');
    err.write(Buffer.from('first\n'));
    await log.flush();
    expect(errors).toHaveLength(1);
    expect(stored()).toEqual([]);
    err.write(Buffer.from('second\n'));
    await log.finish();
    expect(stored().map((l) => [l.seq, l.stream, l.text])).toEqual([
      [1, 'stderr', 'first'],
      [2, 'stderr', 'second'],
    ]);
  });

  it('stores up to the limit, marks the cut once, and counts what was left out', async () => {
    const { log, stored } = capture({ limitBytes: 1024 });
    const out = log.stream('stdout');
    for (let i = 0; i < 100; i++) out.write(Buffer.from(`${String(i).padStart(3, '0')} ${'x'.repeat(95)}\n`));
    log.stream('stderr').write(Buffer.from('error: after the cut\n'));
    out.end();
    await log.finish();
    const lines = stored();
    const text = lines.filter((l) => l.stream === 'stdout');
    expect(text).toHaveLength(10); // 10 × 100 bytes fit in 1024
    expect(lines[10]).toMatchObject({ stream: 'system' });
    expect(lines[10]!.text).toBe(
      `${TRUNCATED_MARKER} the stored log reached its limit of 1 kB; the rest of the output is not stored`,
    );
    // 90 lines of 100 bytes and the 21-byte error line: 9,021 bytes.
    expect(lines.at(-1)!.text).toBe('91 more line(s), 8.8 kB, were printed after the limit and not stored');
    expect(log.wasTruncated()).toBe(true);
    expect(log.lastErrorLine()).toBe('error: after the cut');
  });

  it('stores an endless line in pieces instead of holding it all', async () => {
    const { log, stored } = capture({ maxLineChars: 1000 });
    const out = log.stream('stdout');
    out.write(Buffer.from('y'.repeat(2500)));
    out.end();
    await log.finish();
    expect(stored().map((l) => l.text.length)).toEqual([1000, 1000, 500]);
  });

  it('takes the last stderr line as the error, else the last stdout line that reads like one', async () => {
    const quiet = capture();
    const out = quiet.log.stream('stdout');
    out.write(Buffer.from('Loading run 1\nERROR: no events in run 1\nCleaning up\n'));
    out.end();
    expect(quiet.log.lastErrorLine()).toBe('ERROR: no events in run 1');
    const loud = capture();
    loud.log
      .stream('stderr')
      .write(Buffer.from('Traceback (most recent call last):\nValueError: bad Qmin\n\n'));
    expect(loud.log.lastErrorLine()).toBe('ValueError: bad Qmin');
    await Promise.all([quiet.log.finish(), loud.log.finish()]);
  });
});
