/**
 * Reads the `jobs.broker` part of the server's configuration into a checked BrokerConfig, reporting
 * each problem with its key (`jobs.broker.highMemory.pointer`) into the caller's list, so one message
 * names every mistake of the file. Unknown keys are errors: a typo'd queue name must not silently
 * send jobs to the default queue.
 */
import { BROKER_DEFAULTS, type BrokerConfig, type MessageFieldNames } from './BrokerConfig';

const KEYS = new Set([
  'url',
  'login',
  'passcode',
  'jobQueue',
  'highMemoryQueue',
  'highMemory',
  'routes',
  'statusQueue',
  'controlTopic',
  'invalidQueue',
  'facility',
  'instrumentPointer',
  'proposalPointer',
  'proposalFormat',
  'runNumberPointers',
  'dataFilePointers',
  'dataFileTemplate',
  'fields',
  'reconnectDelayMs',
  'maxReconnectDelayMs',
]);

/** The default broker address, where a facility's ActiveMQ usually has its STOMP connector. */
export const DEFAULT_BROKER_URL = 'stomp://127.0.0.1:61613';

/** Host and port of a stomp:// URL; throws naming `at` when it is not one. */
export function parseStompUrl(url: string, at = 'broker'): { host: string; port: number } {
  const match = /^stomp:\/\/(\[[^\]]+\]|[^:/\s]+):(\d{1,5})\/?$/.exec(url);
  const port = match === null ? Number.NaN : Number(match[2]);
  if (match === null || port < 1 || port > 65535) {
    throw new Error(`${at}: "${url}" is not a broker address like stomp://host:61613`);
  }
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

/** Checks `raw` (the object under `jobs.broker`, or undefined for all defaults); problems go to `problems`. */
export function parseBrokerConfig(raw: unknown, at: string, problems: string[]): BrokerConfig {
  if (raw === undefined) return { url: DEFAULT_BROKER_URL, ...BROKER_DEFAULTS };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${at}: must be an object with url, jobQueue, statusQueue, ...`);
    return { url: DEFAULT_BROKER_URL, ...BROKER_DEFAULTS };
  }
  const section = raw as Record<string, unknown>;
  for (const key of Object.keys(section)) {
    if (!KEYS.has(key)) problems.push(`${at}.${key}: unknown key; known: ${[...KEYS].join(', ')}`);
  }
  const text = (key: string, fallback: string | null, check?: (v: string) => string | undefined) => {
    const value = section[key];
    if (value === undefined) return fallback;
    if (value === null && fallback === null) return null;
    if (typeof value !== 'string' || value === '') {
      problems.push(`${at}.${key}: must be a non-empty string`);
      return fallback;
    }
    const wrong = check?.(value);
    if (wrong !== undefined) problems.push(`${at}.${key}: ${wrong}`);
    return value;
  };
  const destination = (v: string) =>
    /^\/(queue|topic)\/[^\s]+$/.test(v) ? undefined : `"${v}" is not a STOMP destination like /queue/name`;
  const pointer = (v: string) => (/^(\/|$)/.test(v) ? undefined : `"${v}" is not a JSON Pointer`);
  const ms = (key: string, fallback: number) => {
    const value = section[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      problems.push(`${at}.${key}: must be a positive integer of milliseconds`);
      return fallback;
    }
    return value;
  };
  const url =
    text('url', DEFAULT_BROKER_URL, (v) => {
      try {
        parseStompUrl(v);
        return undefined;
      } catch (error) {
        return (error as Error).message.replace(/^broker: /, '');
      }
    }) ?? DEFAULT_BROKER_URL;
  const d = BROKER_DEFAULTS;
  return {
    url,
    login: text('login', null),
    passcode: text('passcode', null),
    jobQueue: text('jobQueue', d.jobQueue, destination) ?? d.jobQueue,
    highMemoryQueue: text('highMemoryQueue', d.highMemoryQueue, destination) ?? d.highMemoryQueue,
    highMemory: highMemoryAt(section.highMemory, `${at}.highMemory`, problems),
    routes: routesAt(section.routes, `${at}.routes`, problems, destination),
    statusQueue: text('statusQueue', d.statusQueue, destination) ?? d.statusQueue,
    controlTopic: text('controlTopic', d.controlTopic, destination) ?? d.controlTopic,
    invalidQueue: text('invalidQueue', d.invalidQueue, destination) ?? d.invalidQueue,
    facility: text('facility', null),
    instrumentPointer: text('instrumentPointer', d.instrumentPointer, pointer) ?? d.instrumentPointer,
    proposalPointer: text('proposalPointer', d.proposalPointer, pointer) ?? d.proposalPointer,
    proposalFormat: text('proposalFormat', d.proposalFormat) ?? d.proposalFormat,
    runNumberPointers: pointersAt(section, 'runNumberPointers', at, problems) ?? d.runNumberPointers,
    dataFilePointers: pointersAt(section, 'dataFilePointers', at, problems) ?? d.dataFilePointers,
    dataFileTemplate: text('dataFileTemplate', null),
    fields: fieldsAt(section.fields, `${at}.fields`, problems),
    reconnectDelayMs: ms('reconnectDelayMs', d.reconnectDelayMs),
    maxReconnectDelayMs: ms('maxReconnectDelayMs', d.maxReconnectDelayMs),
  };
}

function highMemoryAt(raw: unknown, at: string, problems: string[]): BrokerConfig['highMemory'] {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${at}: must be {"pointer": "/reduction/highMemory", "values": [true]}`);
    return null;
  }
  const { pointer, values, ...rest } = raw as Record<string, unknown>;
  for (const key of Object.keys(rest)) problems.push(`${at}.${key}: unknown key; known: pointer, values`);
  if (typeof pointer !== 'string' || !/^\//.test(pointer)) {
    problems.push(`${at}.pointer: must be a JSON Pointer into the request, e.g. "/reduction/highMemory"`);
    return null;
  }
  if (values !== undefined && !Array.isArray(values)) {
    problems.push(`${at}.values: must be an array of strings, numbers or booleans`);
    return null;
  }
  const list = (values ?? []) as unknown[];
  list.forEach((v, i) => {
    if (!['string', 'number', 'boolean'].includes(typeof v))
      problems.push(`${at}.values[${i}]: must be a string, number or boolean`);
  });
  return { pointer, values: list as (string | number | boolean)[] };
}

function routesAt(
  raw: unknown,
  at: string,
  problems: string[],
  destination: (v: string) => string | undefined,
): Record<string, string> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${at}: must be an object of instrument id -> destination`);
    return {};
  }
  const routes: Record<string, string> = {};
  for (const [instrument, value] of Object.entries(raw)) {
    const wrong = typeof value === 'string' ? destination(value) : 'must be a destination string';
    if (wrong !== undefined) problems.push(`${at}.${instrument}: ${wrong}`);
    else routes[instrument] = value as string;
  }
  return routes;
}

function pointersAt(
  section: Record<string, unknown>,
  key: string,
  at: string,
  problems: string[],
): string[] | undefined {
  const value = section[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((p) => typeof p !== 'string' || !/^\//.test(p))) {
    problems.push(`${at}.${key}: must be an array of JSON Pointers ("*" for every array item)`);
    return undefined;
  }
  return value as string[];
}

function fieldsAt(raw: unknown, at: string, problems: string[]): MessageFieldNames {
  const fields = { ...BROKER_DEFAULTS.fields };
  if (raw === undefined) return fields;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${at}: must be an object of field -> top-level name`);
    return fields;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in fields)) {
      problems.push(`${at}.${key}: unknown field; known: ${Object.keys(fields).join(', ')}`);
    } else if (
      typeof value !== 'string' ||
      !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(value) ||
      value === 'formulary'
    ) {
      problems.push(`${at}.${key}: must be a field name (letters, digits, _ . -; "formulary" is ours)`);
    } else fields[key as keyof MessageFieldNames] = value;
  }
  const names = Object.values(fields);
  if (new Set(names).size !== names.length) problems.push(`${at}: two fields have the same name`);
  return fields;
}
