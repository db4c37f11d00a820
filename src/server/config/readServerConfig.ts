/**
 * Reads the service's configuration: a formulary.config.json (the loader's fields, as every CLI
 * command reads them, plus a "server" section), then the environment (PORT, HOST, DATABASE_URL), then
 * flags. Every field of "server" is checked; a wrong one names the file and field.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkConfig } from '../../schemas/index';
import { parseAuthConfig } from '../auth/index';
import { demoJobsConfig, type JobsConfig, parseJobsConfig, parseStompUrl } from '../jobs/index';
import { packageRoot } from '../packageRoot';
import type { ServerConfig } from './ServerConfig';

export type ServerFlags = Partial<
  Pick<ServerConfig, 'port' | 'host' | 'db' | 'instrumentsDir' | 'portalDir'>
> & {
  /** stomp://host:port: hand jobs to workers through this broker (the `stomp` dispatcher). */
  readonly broker?: string;
};

type Check = (value: unknown) => boolean;
const fields: Record<string, [Check, string]> = {
  port: [(v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 65536, 'a port number'],
  host: [(v) => typeof v === 'string' && v !== '', 'a host name or address'],
  db: [(v) => typeof v === 'string' && v !== '', 'a SQLite file or postgres:// URL'],
  instruments: [(v) => typeof v === 'string' && v !== '', 'a folder of *.schema.json'],
  portal: [(v) => typeof v === 'string', 'the built portal folder'],
  bodyLimit: [(v) => Number.isInteger(v) && (v as number) > 0, 'bytes, a positive integer'],
  keyRetentionHours: [(v) => typeof v === 'number' && v > 0, 'hours, a positive number'],
  eventRetentionDays: [(v) => typeof v === 'number' && v > 0, 'days, a positive number'],
  eventSweepSeconds: [(v) => typeof v === 'number' && v >= 1, 'seconds, a number of at least 1'],
  sqliteSynchronous: [(v) => v === 'NORMAL' || v === 'FULL', '"NORMAL" or "FULL"'],
  poolSize: [(v) => Number.isInteger(v) && (v as number) > 0, 'a positive integer'],
  logLevel: [
    (v) => typeof v === 'string' && /^(fatal|error|warn|info|debug|trace|silent)$/.test(v),
    'a pino level',
  ],
  proposalPointers: [
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      Object.values(v).every((p) => typeof p === 'string' && /^(\/|$)/.test(p)),
    'an object of instrument id -> JSON Pointer',
  ],
  // Checked field by field by parseAuthConfig, which names the wrong one.
  auth: [(v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an object (see docs/server.md)'],
};

export function readServerConfig(
  configFile: string | undefined,
  flags: ServerFlags,
  env: NodeJS.ProcessEnv,
  cwd: string,
): ServerConfig {
  let server: Record<string, unknown> = {};
  let load = {};
  let jobsSection: unknown;
  let configDir = cwd;
  if (configFile) {
    const path = resolve(cwd, configFile);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${configFile}: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error(`${configFile}: must be a JSON object`);
    const { server: section, lint: _lint, jobs, ...rest } = parsed as Record<string, unknown>;
    jobsSection = jobs;
    configDir = dirname(path);
    load = checkConfig(rest);
    if (section !== undefined) {
      if (typeof section !== 'object' || section === null || Array.isArray(section))
        throw new Error(`${configFile}: "server" must be an object`);
      server = section as Record<string, unknown>;
      for (const [key, value] of Object.entries(server)) {
        const field = fields[key];
        if (!field)
          throw new Error(
            `${configFile}: server.${key} is not a setting (known: ${Object.keys(fields).join(', ')})`,
          );
        if (!field[0](value)) throw new Error(`${configFile}: server.${key} must be ${field[1]}`);
      }
    }
  }
  const root = packageRoot();
  const envPort = env.PORT !== undefined && /^\d+$/.test(env.PORT) ? Number(env.PORT) : undefined;
  const pick = <T>(...values: Array<T | undefined>): T | undefined => values.find((v) => v !== undefined);
  const jobs = jobsConfigOf(
    jobsSection,
    configFile,
    configDir,
    resolve(cwd, env.FORMULARY_JOBS_DIR || 'data/jobs'),
    root,
  );
  return {
    port: pick(flags.port, envPort, server.port as number | undefined) ?? 5173,
    host: pick(flags.host, env.HOST || undefined, server.host as string | undefined) ?? '127.0.0.1',
    db:
      pick(flags.db, env.DATABASE_URL || undefined, server.db as string | undefined) ??
      resolve(cwd, 'data/formulary.sqlite'),
    instrumentsDir: resolve(
      cwd,
      pick(flags.instrumentsDir, server.instruments as string | undefined) ??
        join(root, 'src/schemas/instruments'),
    ),
    portalDir: resolve(
      cwd,
      pick(flags.portalDir, server.portal as string | undefined) ?? join(root, 'dist/app'),
    ),
    bodyLimit: (server.bodyLimit as number | undefined) ?? 1024 * 1024,
    keyRetentionHours: (server.keyRetentionHours as number | undefined) ?? 24,
    eventRetentionDays: (server.eventRetentionDays as number | undefined) ?? 30,
    eventSweepSeconds: server.eventSweepSeconds as number | undefined,
    sqliteSynchronous: (server.sqliteSynchronous as 'NORMAL' | 'FULL' | undefined) ?? 'NORMAL',
    poolSize: (server.poolSize as number | undefined) ?? 10,
    logLevel: pick(env.LOG_LEVEL || undefined, server.logLevel as string | undefined) ?? 'info',
    proposalPointers: (server.proposalPointers as Record<string, string> | undefined) ?? {},
    load,
    jobs: withBroker(jobs, flags.broker, env),
    runnerId: env.FORMULARY_RUNNER_ID || hostname(),
    auth: parseAuthConfig(server.auth, `${configFile}: server.auth`),
  };
}

/** --broker switches to the `stomp` dispatcher at that URL; credentials may come from the environment. */
function withBroker(jobs: JobsConfig, url: string | undefined, env: NodeJS.ProcessEnv): JobsConfig {
  const broker = {
    ...jobs.broker,
    login: jobs.broker.login ?? env.FORMULARY_STOMP_LOGIN ?? null,
    passcode: jobs.broker.passcode ?? env.FORMULARY_STOMP_PASSCODE ?? null,
  };
  if (url === undefined) return { ...jobs, broker };
  parseStompUrl(url, '--broker');
  return { ...jobs, dispatcher: 'stomp', broker: { ...broker, url } };
}

/** The "jobs" section checked (relative paths from the file's folder), or the demo tasks without one. */
function jobsConfigOf(
  section: unknown,
  configFile: string | undefined,
  configDir: string,
  demoJobsDir: string,
  root: string,
): JobsConfig {
  if (section === undefined) return demoJobsConfig(root, demoJobsDir);
  let parsed: JobsConfig;
  try {
    parsed = parseJobsConfig(section, configDir);
  } catch (error) {
    throw new Error(`${configFile}: ${(error as Error).message}`);
  }
  // Limits without tasks: the demo simulator runs under them, so `npm start` still shows jobs.
  return parsed.tasks.size > 0 ? parsed : { ...parsed, tasks: demoJobsConfig(root, parsed.jobsDir).tasks };
}
