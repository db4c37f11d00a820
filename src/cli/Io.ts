/**
 * Where a command writes: stdout for results (pipeable JSON), stderr for problems. Injected so a
 * command is a plain function of (args, io) returning its exit code.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Directory relative paths are read from, and printed relative to. */
  readonly cwd: string;
}
