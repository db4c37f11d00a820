/**
 * The compact wire form of a log batch for WebSocket clients that ask for it (`"compact": true`):
 * lines that follow each other (consecutive seq, same stream, same read time) travel as one run, the
 * texts in a list, instead of one object per line repeating seq, stream and time. bench:live's lines
 * were 25 characters of text in 100 bytes of JSON; on 1,000 sockets the bytes are the kernel's work.
 */

/** One stored log line as the event payload holds it. */
export interface RunLine {
  readonly seq: number;
  readonly stream: string;
  readonly time: string;
  readonly text: string;
}

/** Lines `seq`, `seq + 1`, ... of one stream, all read at `time`. */
export interface LogRun {
  readonly seq: number;
  readonly stream: string;
  readonly time: string;
  readonly text: string[];
}

/** Groups the lines, in their order, into runs; expanding the runs gives the lines back exactly. */
export function toRuns(lines: readonly RunLine[]): LogRun[] {
  const runs: { seq: number; stream: string; time: string; text: string[] }[] = [];
  let last: (typeof runs)[number] | undefined;
  for (const line of lines) {
    if (
      last !== undefined &&
      line.stream === last.stream &&
      line.time === last.time &&
      line.seq === last.seq + last.text.length
    )
      last.text.push(line.text);
    else {
      last = { seq: line.seq, stream: line.stream, time: line.time, text: [line.text] };
      runs.push(last);
    }
  }
  return runs;
}
