/**
 * The `formulary` command: lint, validate, defaults, inspect. Parses only the command name; each
 * command parses its own options. Usage errors exit 2 with the usage; no stack traces for users.
 * --lang TAG, anywhere, sets the language of the human output and the help (cliLocale).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../schemas/index';
import { helpText } from './cliHelp';
import { cliLocale, takeLangOption } from './cliLocale';
import { defaultsCommand } from './commands/defaultsCommand';
import { inspectCommand } from './commands/inspectCommand';
import { lintCommand } from './commands/lintCommand';
import { previewCommand } from './commands/previewCommand';
import { serveCommand } from './commands/serveCommand';
import { usersCommand } from './commands/usersCommand';
import { validateCommand } from './commands/validateCommand';
import { workerCommand } from './commands/workerCommand';
import type { Io } from './Io';
import { UsageError } from './UsageError';

/** The English help (tests and docs quote it); `--help` prints helpText('main') in the CLI's language. */
export const mainHelp = helpText('main', 'en');

function packageVersion(): string {
  try {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

const commands: Record<string, (args: readonly string[], io: Io, version: string) => Promise<number>> = {
  lint: lintCommand,
  validate: validateCommand,
  defaults: defaultsCommand,
  inspect: inspectCommand,
  serve: serveCommand,
  worker: workerCommand,
  preview: previewCommand,
  users: usersCommand,
};

/** Runs the CLI on argv (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: string[];
  try {
    args = takeLangOption(argv);
  } catch (error) {
    io.err(`formulary: ${error instanceof UsageError ? error.say(cliLocale()) : (error as Error).message}\n`);
    return 2;
  }
  const [name, ...rest] = args;
  const version = packageVersion();
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText('main'));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`${translate(cliLocale(), 'cli.unknownCommand', { name })}\n\n${helpText('main')}`);
    return 2;
  }
  try {
    return await command(rest, io, version);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        `formulary ${name}: ${error.say(cliLocale())}\n${translate(cliLocale(), 'cli.usageHint', { name })}\n`,
      );
      return 2;
    }
    io.err(`formulary ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

const isEntry =
  process.argv[1] !== undefined &&
  /(?:bin[\\/]formulary(?:\.js)?|cli[\\/]main\.[jt]s)$/.test(process.argv[1]);
if (isEntry) {
  const io: Io = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
