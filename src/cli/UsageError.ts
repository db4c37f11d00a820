/**
 * A mistake in how the command was called (unknown option, missing argument): exit code 2 and the
 * command's usage, never a stack trace. Problems with the files themselves are diagnostics (exit 1).
 * It carries a catalogue key (usage.*) and its values, so main.ts prints it in the CLI's language;
 * `message` is the English text (logs, tests, callers that print it themselves).
 */
import { type MessageValues, translate } from '../schemas/index';

export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    readonly key: string,
    readonly values?: MessageValues,
  ) {
    super(translate('en', key, values));
  }

  /** The text in `locale`. */
  say(locale: string): string {
    return translate(locale, this.key, this.values);
  }
}
