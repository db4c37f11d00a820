/**
 * Turns a process's stdout and stderr into numbered log lines and hands them to the recorder in
 * batches (every 50 ms or 200 lines, whichever comes first), so a chatty reduction costs the store a
 * few writes a second, not one per line. Stores at most `limitBytes` of text per attempt, then one
 * visible "truncated" line; reading goes on to the end, so the last error line is still found.
 */
import { StringDecoder } from 'node:string_decoder';
import type { LogLine, LogStream } from './JobTypes';

export interface LogCaptureOptions {
  /** Stored text per attempt, in UTF-8 bytes (one more per line for its newline). */
  readonly limitBytes: number;
  /** Stores the batch; resolves once it is acknowledged. Called one batch at a time, in order. */
  readonly send: (lines: readonly LogLine[]) => Promise<void>;
  /** Told when a batch could not be stored; the lines are kept and sent again with the next batch. */
  readonly onSendError?: (error: unknown) => void;
  readonly flushMs?: number;
  readonly batchLines?: number;
  /** A line longer than this (in characters) is stored in pieces (default 64 Ki). */
  readonly maxLineChars?: number;
}

/** The words of the marker line; pages may look for it to show the cut. */
export const TRUNCATED_MARKER = '[log truncated]';

const ERROR_WORDS = /\b(error|exception|fatal|traceback|failed)\b/i;

export class LogCapture {
  private seq = 0;
  private storedBytes = 0;
  private truncated = false;
  private droppedLines = 0;
  private droppedBytes = 0;
  private pending: LogLine[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();
  private turnWaiting = false;
  private lastStderr = '';
  private lastStdoutError = '';
  private readonly flushMs: number;
  private readonly batchLines: number;
  private readonly maxLineChars: number;

  constructor(private readonly options: LogCaptureOptions) {
    this.flushMs = options.flushMs ?? 50;
    this.batchLines = options.batchLines ?? 200;
    this.maxLineChars = options.maxLineChars ?? 64 * 1024;
  }

  /** A sink for one output stream: feed it chunks, then end() it. */
  stream(stream: 'stdout' | 'stderr'): { write(chunk: Buffer): void; end(): void } {
    const decoder = new StringDecoder('utf8');
    let partial = '';
    // One pass over each chunk with an index (no re-slicing of the rest per line); the lines of one
    // read share its time. Both measured with `npm run bench:jobs`.
    const take = (text: string) => {
      const time = new Date().toISOString();
      const buffered = partial + text;
      let start = 0;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const end = newline > start && buffered.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        this.line(stream, buffered.slice(start, end), time);
        start = newline + 1;
        newline = buffered.indexOf('\n', start);
      }
      while (buffered.length - start > this.maxLineChars) {
        this.line(stream, buffered.slice(start, start + this.maxLineChars), time);
        start += this.maxLineChars;
      }
      partial = buffered.slice(start);
    };
    return {
      write: (chunk) => take(decoder.write(chunk)),
      end: () => {
        take(decoder.end());
        if (partial !== '') this.line(stream, partial.replace(/\r$/, ''), new Date().toISOString());
        partial = '';
      },
    };
  }

  /** A line of our own (started, stopped, truncated, requeued); never counted against the limit. */
  system(text: string): void {
    this.push('system', text, new Date().toISOString());
  }

  /** The job's message on failure: the last stderr line, else the last stdout line that reads like an error. */
  lastErrorLine(): string {
    return this.lastStderr !== '' ? this.lastStderr : this.lastStdoutError;
  }

  /** Whether the limit cut the log. */
  wasTruncated(): boolean {
    return this.truncated;
  }

  /** Sends what is pending; resolves once every line so far is acknowledged (or refused, see onSendError). */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    // The batch is taken when its turn comes, so a refused batch goes back in front of newer lines;
    // one waiting turn is enough, since it sends everything pending by then.
    if (this.turnWaiting) return this.sending;
    this.turnWaiting = true;
    this.sending = this.sending.then(async () => {
      this.turnWaiting = false;
      while (this.pending.length > 0) {
        // Sliced by index: splice(0, 200) on a long backlog moved every line each time (quadratic).
        const taken = this.pending;
        this.pending = [];
        for (let i = 0; i < taken.length; i += this.batchLines) {
          try {
            await this.options.send(taken.slice(i, i + this.batchLines));
          } catch (error) {
            this.pending = [...taken.slice(i), ...this.pending];
            this.options.onSendError?.(error);
            return;
          }
        }
      }
    });
    return this.sending;
  }

  /** Adds the count of what the limit left out, then flushes everything. Call once, after both streams end. */
  async finish(): Promise<void> {
    if (this.truncated) {
      this.system(
        `${this.droppedLines} more line(s), ${formatBytes(this.droppedBytes)}, were printed after the limit and not stored`,
      );
    }
    await this.flush();
    if (this.pending.length > 0) await this.flush(); // one more try for a batch refused at the end
  }

  private line(stream: 'stdout' | 'stderr', text: string, time: string): void {
    const trimmed = text.trim();
    if (stream === 'stderr' && trimmed !== '') this.lastStderr = clip(trimmed);
    else if (stream === 'stdout' && ERROR_WORDS.test(trimmed)) this.lastStdoutError = clip(trimmed);
    const bytes = Buffer.byteLength(text) + 1;
    if (this.truncated || this.storedBytes + bytes > this.options.limitBytes) {
      if (!this.truncated) {
        this.truncated = true;
        this.system(
          `${TRUNCATED_MARKER} the stored log reached its limit of ${formatBytes(this.options.limitBytes)}; the rest of the output is not stored`,
        );
      }
      this.droppedLines++;
      this.droppedBytes += bytes;
      return;
    }
    this.storedBytes += bytes;
    this.push(stream, text, time);
  }

  private push(stream: LogStream, text: string, time: string): void {
    this.pending.push({ seq: ++this.seq, stream, time, text });
    if (this.pending.length >= this.batchLines) void this.flush();
    else if (this.timer === undefined) this.timer = setTimeout(() => void this.flush(), this.flushMs);
  }
}

/** Bytes in words: "10 MB", "512 kB", "812 B" (powers of 1024, as the limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} kB`;
  return `${bytes} B`;
}

function clip(text: string): string {
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
