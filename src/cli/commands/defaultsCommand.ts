/**
 * `formulary defaults SCHEMA`: prints the default request (every field, with its default or null), the
 * same object the form starts from, so a facility backend or a test can start from it.
 */
import { defaultsOf } from '../../schemas/index';
import { helpText } from '../cliHelp';
import type { Io } from '../Io';
import { openModelCommand } from './openModelCommand';

/** The English help (tests and docs quote it); `--help` prints helpText('defaults') in the CLI's language. */
export const defaultsHelp = helpText('defaults', 'en');

/** Runs `formulary defaults`; returns the exit code. */
export async function defaultsCommand(args: readonly string[], io: Io): Promise<number> {
  const opened = await openModelCommand(args, io, helpText('defaults'));
  if (typeof opened === 'number') return opened;
  // A root field without a default (a text root, say) has no value: null stands for "nothing yet".
  io.out(`${JSON.stringify(defaultsOf(opened.model) ?? null, null, 2)}\n`);
  return 0;
}
