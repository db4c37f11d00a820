/**
 * The `formulary` command: lint, validate, defaults, inspect. Parses only the command name; each
 * command parses its own options. Usage errors exit 2 with the usage; no stack traces for users.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export const mainHelp = `Usage: formulary <command> [options]

Commands:
  lint [paths or globs]     lint instrument schemas and example requests (CI)
  validate SCHEMA REQUEST   validate a request against a schema
  defaults SCHEMA           print the default request JSON
  inspect SCHEMA            summarise the form a schema makes
  serve                     run the submission service with the portal (see serve --help)
  worker --broker URL       run reduction jobs from a message broker (see worker --help)
  preview SCHEMA            see the schema's form while writing it; reloads on save
  users                     local accounts and API tokens of the service (see users --help)

Every command reads multi-file schemas, takes --config FILE and --help.
  -v, --version             print the version
`;

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
  const [name, ...rest] = argv;
  const version = packageVersion();
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`formulary: unknown command "${name}"\n\n${mainHelp}`);
    return 2;
  }
  try {
    return await command(rest, io, version);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`formulary ${name}: ${error.message}\nRun "formulary ${name} --help" for usage.\n`);
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
