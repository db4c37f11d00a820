/**
 * A mistake in how the command was called (unknown option, missing argument): exit code 2 and the
 * command's usage, never a stack trace. Problems with the files themselves are diagnostics (exit 1).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
