/**
 * The `--name value` flags of the service benchmarks (bench:jobs, bench:dispatch, bench:pages,
 * bench:logsearch): an unknown flag or one without its value stops the run before any work, with one
 * line naming it, and so does a count that is not a positive whole number.
 */
export function pairFlags(bench: string, known: readonly string[], argv = process.argv.slice(2)) {
  /** Says what is wrong, on one line prefixed with the benchmark's name, and exits with 2. */
  const fail = (message: string): never => {
    process.stderr.write(`${bench}: ${message}\n`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i += 2) {
    if (!known.includes(argv[i]!)) fail(`${argv[i]}: unknown flag; known: ${known.join(', ')}`);
    if (argv[i + 1] === undefined) fail(`${argv[i]} needs a value`);
  }
  /** The value after `name`, undefined when it was not given. */
  const option = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  /** The positive whole number after `name`, `fallback` when it was not given. */
  const whole = (name: string, fallback: number): number => {
    const text = option(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) fail(`${name}: "${text}" is not a positive whole number`);
    return value;
  };
  return { fail, option, whole };
}
