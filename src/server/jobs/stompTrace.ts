/**
 * FORMULARY_STOMP_TRACE=FILE: every STOMP frame sent and received (and marks a benchmark adds), each
 * line `<ms since the epoch, sub-ms> <pid> <text>`, so the hops of a job (publish, delivery to the
 * worker, its `started`, delivery to the server) can be timed across processes on one host. Off by
 * default: it writes synchronously. Read when a link is made, so a benchmark may set it first.
 */
import { appendFileSync } from 'node:fs';

/** The trace file named by the environment, or undefined when tracing is off. */
export function stompTraceFile(): string | undefined {
  const file = process.env.FORMULARY_STOMP_TRACE;
  return file === undefined || file === '' ? undefined : file;
}

/** Appends one line (newlines in `text` become ` | `). */
export function traceLine(file: string, text: string): void {
  const time = (performance.timeOrigin + performance.now()).toFixed(2);
  appendFileSync(file, `${time} ${process.pid} ${text.replace(/\n/g, ' | ')}\n`);
}
