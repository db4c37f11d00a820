/**
 * `formulary serve`: the submission service, the built portal and the instrument schemas on one port.
 * Parses flags and hands over to src/server; runs until SIGTERM/SIGINT, then closes gracefully.
 */
import { DEMO_PASSWORD, DEMO_USERS, readServerConfig, redactDb, startServer } from '../../server/index';
import { helpText } from '../cliHelp';
import type { Io } from '../Io';
import { parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../UsageError';

/** The English help (tests and docs quote it); `--help` prints helpText('serve') in the CLI's language. */
export const serveHelp = helpText('serve', 'en');

/** Runs `formulary serve`; resolves once the server listens (the process then lives on its socket). */
export async function serveCommand(args: readonly string[], io: Io, version: string): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    instruments: { type: 'string' },
    portal: { type: 'string' },
    broker: { type: 'string' },
    'demo-users': { type: 'boolean' },
  });
  if (values.help) {
    io.out(helpText('serve'));
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('usage.unexpectedArgument', { argument: positionals[0] });
  const port = values.port as string | undefined;
  if (port !== undefined && !/^\d{1,5}$/.test(port)) throw new UsageError('usage.port', { value: port });
  const config = readServerConfig(
    values.config as string | undefined,
    {
      port: port === undefined ? undefined : Number(port),
      host: values.host as string | undefined,
      db: values.db as string | undefined,
      instrumentsDir: values.instruments as string | undefined,
      portalDir: values.portal as string | undefined,
      broker: values.broker as string | undefined,
    },
    process.env,
    io.cwd,
  );
  const failFirst = Number(process.env.FORMULARY_TEST_FAIL_SUBMISSIONS ?? 0);
  const running = await startServer(config, {
    handleSignals: true,
    version,
    failFirstSubmissions: Number.isInteger(failFirst) ? failFirst : 0,
    benchFloor: process.env.FORMULARY_BENCH_FLOOR === '1',
    // A test switch: how far behind a live client may fall before it is asked to reconnect.
    ...(Number(process.env.FORMULARY_LIVE_MAX_BUFFERED_BYTES) > 0 && {
      liveMaxBufferedBytes: Number(process.env.FORMULARY_LIVE_MAX_BUFFERED_BYTES),
    }),
    demoUsers: Boolean(values['demo-users']),
    // A bench switch: where to log each live event's fan-out time (bench:live reads it).
    ...(process.env.FORMULARY_LIVE_TIMING ? { liveTimingFile: process.env.FORMULARY_LIVE_TIMING } : {}),
  });
  io.err(`Formulary is serving ${running.url}/ (${running.storeKind}: ${redactDb(config.db)})\n`);
  if (values['demo-users'])
    io.err(
      `Sign in as ${DEMO_USERS.map((u) => u.username).join(', ')} (password: ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username} = ${u.displayName}`).join('; ')}\n`,
    );
  return 0;
}
