/**
 * Reads the `jobs` part of the server's configuration into a checked JobsConfig. Every problem is
 * reported at once, each naming its key (`jobs.tasks.eqsans.timeLimitSeconds`), so an operator fixes
 * the file in one go; unknown keys are errors too, since a typo'd limit must not silently not apply.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { JobsConfig, TaskConfig } from './JobsConfig';
import { parseBrokerConfig } from './parseBrokerConfig';

export const JOBS_DEFAULTS = {
  maxConcurrent: 2,
  logLimitBytes: 10 * 1024 * 1024,
  killGraceSeconds: 5,
  memoryPollMs: 250,
  requeueInterrupted: 1,
  jobsDir: 'data/jobs',
  timeLimitSeconds: 3600,
  memoryLimitMB: 4096,
  concurrency: 1,
} as const;

/** The placeholders a command or curve file may use. */
export const PLACEHOLDERS = [
  'node',
  'requestFile',
  'curveFile',
  'jobDir',
  'jobId',
  'attempt',
  'instrument',
  'scanIndex',
] as const;

/** A configuration that cannot be used; `problems` lists each as "key: what is wrong". */
export class JobsConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The jobs configuration has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'JobsConfigError';
  }
}

const TOP_KEYS = new Set([
  'maxConcurrent',
  'logLimitBytes',
  'killGraceSeconds',
  'memoryPollMs',
  'requeueInterrupted',
  'jobsDir',
  'tasks',
  'dispatcher',
  'broker',
]);
const TASK_KEYS = new Set([
  'command',
  'cwd',
  'envAllow',
  'env',
  'timeLimitSeconds',
  'memoryLimitMB',
  'concurrency',
  'curveFile',
]);

/**
 * Checks `raw` (the parsed JSON under `jobs`) and returns the config; relative paths resolve against
 * `baseDir` (the configuration file's folder). Throws JobsConfigError naming every bad key.
 * @example parseJobsConfig({tasks: {eqsans: {command: ['{node}', 'reduce.js', '{requestFile}']}}}, '/srv')
 */
export function parseJobsConfig(raw: unknown, baseDir: string, prefix = 'jobs'): JobsConfig {
  const problems: string[] = [];
  const top = asObject(raw, prefix, problems) ?? {};
  unknownKeys(top, TOP_KEYS, prefix, problems);
  const number = (key: string, fallback: number, min: number, integer: boolean) =>
    numberAt(top, key, `${prefix}.${key}`, fallback, min, integer, problems);

  const maxConcurrent = number('maxConcurrent', JOBS_DEFAULTS.maxConcurrent, 1, true);
  const logLimitBytes = number('logLimitBytes', JOBS_DEFAULTS.logLimitBytes, 1024, true);
  const killGraceMs = number('killGraceSeconds', JOBS_DEFAULTS.killGraceSeconds, 0, false) * 1000;
  const memoryPollMs = number('memoryPollMs', JOBS_DEFAULTS.memoryPollMs, 10, true);
  const requeueInterrupted = number('requeueInterrupted', JOBS_DEFAULTS.requeueInterrupted, 0, true);
  const jobsDir = resolve(
    baseDir,
    stringAt(top, 'jobsDir', `${prefix}.jobsDir`, problems) ?? JOBS_DEFAULTS.jobsDir,
  );

  const tasks = new Map<string, TaskConfig>();
  const rawTasks = asObject(top.tasks ?? {}, `${prefix}.tasks`, problems) ?? {};
  for (const [instrument, value] of Object.entries(rawTasks)) {
    const task = parseTask(instrument, value, `${prefix}.tasks.${instrument}`, baseDir, problems);
    if (task !== undefined) tasks.set(instrument, task);
  }
  const dispatcher = top.dispatcher ?? 'local';
  if (dispatcher !== 'local' && dispatcher !== 'stomp') {
    problems.push(
      `${prefix}.dispatcher: must be "local" (child processes of the server) or "stomp" (reduction nodes behind a message broker), not ${describe(dispatcher)}`,
    );
  }
  const broker = parseBrokerConfig(top.broker, `${prefix}.broker`, problems);
  if (problems.length > 0) throw new JobsConfigError(problems);
  return {
    maxConcurrent,
    logLimitBytes,
    killGraceMs,
    memoryPollMs,
    requeueInterrupted,
    jobsDir,
    tasks,
    dispatcher: dispatcher === 'stomp' ? 'stomp' : 'local',
    broker,
  };
}

function parseTask(
  instrument: string,
  raw: unknown,
  at: string,
  baseDir: string,
  problems: string[],
): TaskConfig | undefined {
  if (instrument !== '*' && !/^[A-Za-z0-9_.-]+$/.test(instrument)) {
    problems.push(`${at}: an instrument id has letters, digits, ".", "_" or "-" only (or is "*" for all)`);
  }
  const task = asObject(raw, at, problems);
  if (task === undefined) return undefined;
  unknownKeys(task, TASK_KEYS, at, problems);
  const command = commandAt(task, `${at}.command`, problems);
  const cwdText = stringAt(task, 'cwd', `${at}.cwd`, problems);
  const cwd = cwdText === undefined ? null : resolve(baseDir, cwdText);
  if (cwd !== null && !(existsSync(cwd) && statSync(cwd).isDirectory())) {
    problems.push(`${at}.cwd: "${cwd}" is not a folder`);
  }
  const curveFile = stringAt(task, 'curveFile', `${at}.curveFile`, problems) ?? null;
  if (curveFile !== null) {
    if (isAbsolute(curveFile) || curveFile.split(/[\\/]/).includes('..')) {
      problems.push(`${at}.curveFile: must be a path inside the job's folder, not "${curveFile}"`);
    }
    checkPlaceholders(curveFile, `${at}.curveFile`, problems);
  }
  const number = (key: string, fallback: number, min: number, integer: boolean) =>
    numberAt(task, key, `${at}.${key}`, fallback, min, integer, problems);
  // In this order: problems are reported in the order of the keys in the docs.
  const envAllow = envAllowAt(task, `${at}.envAllow`, problems);
  const env = envAt(task, `${at}.env`, problems);
  const timeLimitMs = number('timeLimitSeconds', JOBS_DEFAULTS.timeLimitSeconds, 0.001, false) * 1000;
  const memoryLimitBytes = number('memoryLimitMB', JOBS_DEFAULTS.memoryLimitMB, 1, false) * 1024 * 1024;
  const concurrency = number('concurrency', JOBS_DEFAULTS.concurrency, 1, true);
  return {
    instrument,
    command: command ?? [],
    cwd,
    envAllow,
    env,
    timeLimitMs,
    memoryLimitBytes,
    concurrency,
    ...(task.concurrency !== undefined ? { clusterConcurrency: concurrency } : {}),
    curveFile,
  };
}

function commandAt(task: Record<string, unknown>, at: string, problems: string[]): string[] | undefined {
  const value = task.command;
  if (value === undefined) {
    problems.push(
      `${at}: required: the program and its arguments, e.g. ["{node}", "reduce.js", "{requestFile}"]`,
    );
    return undefined;
  }
  if (typeof value === 'string') {
    problems.push(`${at}: must be an array of arguments, not a shell string ("${value}")`);
    return undefined;
  }
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${at}: must be a non-empty array of strings`);
    return undefined;
  }
  value.forEach((item, i) => {
    if (typeof item !== 'string') problems.push(`${at}[${i}]: must be a string, not ${describe(item)}`);
    else checkPlaceholders(item, `${at}[${i}]`, problems);
  });
  if (typeof value[0] === 'string' && value[0].trim() === '') problems.push(`${at}[0]: the program is empty`);
  return value.filter((item): item is string => typeof item === 'string');
}

function checkPlaceholders(text: string, at: string, problems: string[]): void {
  for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push(
        `${at}: unknown placeholder {${name}}; known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      );
    }
  }
}

function envAllowAt(task: Record<string, unknown>, at: string, problems: string[]): string[] {
  const value = task.envAllow;
  if (value === undefined) return ['PATH', 'HOME', 'LANG', 'TZ'];
  if (!Array.isArray(value)) {
    problems.push(`${at}: must be an array of variable names, e.g. ["PATH", "MANTID_*"]`);
    return [];
  }
  const names: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*\*?$/.test(item)) {
      problems.push(`${at}[${i}]: must be a variable name, optionally ending in *, not ${describe(item)}`);
    } else names.push(item);
  });
  return names;
}

function envAt(task: Record<string, unknown>, at: string, problems: string[]): Record<string, string> {
  const value = task.env;
  if (value === undefined) return {};
  const object = asObject(value, at, problems);
  const env: Record<string, string> = {};
  for (const [name, text] of Object.entries(object ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.push(`${at}.${name}: not a variable name`);
    else if (name.startsWith('FORMULARY_'))
      problems.push(`${at}.${name}: FORMULARY_* variables are set by the runner`);
    else if (typeof text !== 'string')
      problems.push(`${at}.${name}: must be a string, not ${describe(text)}`);
    else env[name] = text;
  }
  return env;
}

function numberAt(
  object: Record<string, unknown>,
  key: string,
  at: string,
  fallback: number,
  min: number,
  integer: boolean,
  problems: string[],
): number {
  const value = object[key];
  if (value === undefined) return fallback;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    problems.push(
      `${at}: must be ${integer ? 'an integer' : 'a number'} of at least ${min}, not ${describe(value)}`,
    );
    return fallback;
  }
  return value;
}

function stringAt(
  object: Record<string, unknown>,
  key: string,
  at: string,
  problems: string[],
): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') {
    problems.push(`${at}: must be a non-empty string, not ${describe(value)}`);
    return undefined;
  }
  return value;
}

function asObject(value: unknown, at: string, problems: string[]): Record<string, unknown> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  problems.push(`${at}: must be an object, not ${describe(value)}`);
  return undefined;
}

function unknownKeys(
  object: Record<string, unknown>,
  known: ReadonlySet<string>,
  at: string,
  problems: string[],
): void {
  for (const key of Object.keys(object)) {
    if (!known.has(key)) problems.push(`${at}.${key}: unknown key; known: ${[...known].join(', ')}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}
