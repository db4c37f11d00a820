/**
 * `formulary worker`: runs on a reduction node, takes jobs from the facility's broker (STOMP) and runs
 * the instrument's predefined task from the same configuration file as the server, with the same limits
 * and log capture. Parses flags and hands over to src/server's BrokerWorker; runs until SIGTERM/SIGINT.
 */
import { BrokerWorker, parseStompUrl, readServerConfig } from '../../server/index';
import { helpText } from '../cliHelp';
import type { Io } from '../Io';
import { parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../UsageError';

/** The English help (tests and docs quote it); `--help` prints helpText('worker') in the CLI's language. */
export const workerHelp = helpText('worker', 'en');

export async function workerCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    broker: { type: 'string' },
    queue: { type: 'string', multiple: true },
    instrument: { type: 'string', multiple: true },
    'high-memory': { type: 'boolean' },
    concurrency: { type: 'string' },
    name: { type: 'string' },
  });
  if (values.help) {
    io.out(helpText('worker'));
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('usage.unexpectedArgument', { argument: positionals[0] });
  const concurrencyText = (values.concurrency as string | undefined) ?? '1';
  if (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1 || Number(concurrencyText) > 256)
    throw new UsageError('usage.concurrency', { value: concurrencyText });
  const config = readServerConfig(values.config as string | undefined, {}, process.env, io.cwd).jobs;
  const url =
    (values.broker as string | undefined) ??
    (values.config === undefined ? process.env.FORMULARY_STOMP_URL : undefined) ??
    config.broker.url;
  try {
    parseStompUrl(url, '--broker');
  } catch {
    throw new UsageError('usage.brokerUrl', { url });
  }
  const broker = {
    ...config.broker,
    url,
    login: config.broker.login ?? process.env.FORMULARY_STOMP_LOGIN ?? null,
    passcode: config.broker.passcode ?? process.env.FORMULARY_STOMP_PASSCODE ?? null,
  };
  const explicit = (values.queue as unknown as string[] | undefined) ?? [];
  for (const queue of explicit) {
    if (!/^\/(queue|topic)\/\S+$/.test(queue)) throw new UsageError('usage.queue', { queue });
  }
  const instruments = (values.instrument as unknown as string[] | undefined) ?? [];
  const template = values['high-memory'] === true ? broker.highMemoryQueue : broker.jobQueue;
  const routed = instruments.map((id) =>
    values['high-memory'] === true
      ? template.replaceAll('{instrument}', id)
      : (broker.routes[id] ?? template).replaceAll('{instrument}', id),
  );
  const queues = [...explicit, ...routed];
  if (queues.length === 0) queues.push(template.replaceAll('{instrument}', '*'));
  const worker = new BrokerWorker({
    config,
    broker,
    queues,
    concurrency: Number(concurrencyText),
    ...(values.name === undefined ? {} : { name: values.name as string }),
    log: (line) => io.err(`${line}\n`),
  });
  await worker.start();
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    io.err(`worker ${worker.name}: ${signal}: stopping; running jobs go back to the broker\n`);
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return 0;
}
