/**
 * `formulary preview SCHEMA`: the schema's form in the browser while the author writes it, with the
 * live request, the lint findings and the defaults beside it; every save of the schema, a file it
 * $refs or formulary.config.json reloads the page. Runs until SIGINT/SIGTERM.
 */
import { join, resolve } from 'node:path';
import { helpText } from '../cliHelp';
import { cliLocale } from '../cliLocale';
import type { Io } from '../Io';
import { parseCommandArgs } from '../parseCommandArgs';
import { createPreviewSession } from '../preview/createPreviewSession';
import { openInBrowser } from '../preview/openInBrowser';
import type { PreviewState } from '../preview/PreviewState';
import { packageDir } from '../preview/packageDir';
import { startPreviewServer } from '../preview/startPreviewServer';
import { UsageError } from '../UsageError';

/** The English help (tests and docs quote it); `--help` prints helpText('preview') in the CLI's language. */
export const previewHelp = helpText('preview', 'en');

/** One line per reload on stderr: what the author would otherwise have to look at the page for. */
function reloadLine(state: PreviewState): string {
  const problem = state.problems[0];
  if (problem)
    return `${state.schemaFile} does not load: ${problem.file ?? ''}:${problem.line ?? 1}:${problem.column ?? 1} ${problem.message}\n`;
  const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = state.diagnostics.filter((d) => d.severity === 'warning').length;
  return `${state.schemaFile} loaded (${errors} errors, ${warnings} warnings)\n`;
}

/** Runs `formulary preview`; resolves once the page is served (the process then lives on its socket). */
export async function previewCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    open: { type: 'boolean' },
    examples: { type: 'string' },
    // Where the built page is (tests of a build; default: dist/preview of the package).
    page: { type: 'string' },
  });
  if (values.help) {
    io.out(helpText('preview'));
    return 0;
  }
  if (positionals.length !== 1)
    throw positionals.length === 0
      ? new UsageError('usage.previewNoSchema')
      : new UsageError('usage.unexpectedArgument', { argument: positionals[1] });
  const port = (values.port as string | undefined) ?? '5174';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535)
    throw new UsageError('usage.portRange', { value: port });
  // The global --lang (main.ts takes it, refusing a language without a catalogue), else the environment's.
  const locale = cliLocale();
  const root = packageDir();
  const pageDir = values.page
    ? resolve(io.cwd, values.page as string)
    : root
      ? join(root, 'dist/preview')
      : '';
  const examplesDir = values.examples as string | undefined;
  let quiet = true;
  const session = await createPreviewSession({
    schemaPath: positionals[0]!,
    configPath: values.config as string | undefined,
    ...(examplesDir !== undefined ? { examplesDir } : {}),
    cwd: io.cwd,
    locale,
    onReload: (state) => {
      if (!quiet) io.err(reloadLine(state));
    },
  });
  let running: Awaited<ReturnType<typeof startPreviewServer>>;
  try {
    running = await startPreviewServer({
      session,
      pageDir,
      port: Number(port),
      ...(examplesDir !== undefined ? { examplesDir: resolve(io.cwd, examplesDir) } : {}),
      cwd: io.cwd,
      locale,
    });
  } catch (error) {
    session.close();
    if ((error as { code?: string }).code === 'EADDRINUSE')
      throw new Error(`port ${port} is in use: pass --port N (0 picks a free one)`);
    throw error;
  }
  quiet = false;
  io.err(reloadLine(session.current()));
  io.err(`Previewing ${positionals[0]} at ${running.url}/ (Ctrl+C stops)\n`);
  if (values.open && !(await openInBrowser(`${running.url}/`)))
    io.err(`could not open a browser (set BROWSER to the command that opens one): open ${running.url}/\n`);
  const stop = () => {
    session.close();
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
