/**
 * How the server and `formulary worker` reach a facility's message broker (STOMP) and what they put
 * on it: the queues jobs go to (per instrument, with a "high memory" route picked by a request
 * value), the status queue workers answer on, and the names of the top-level fields of a job message,
 * so a facility's existing post-processing agents can read them. Checked values (parseBrokerConfig).
 */

/** Which request value sends a job to the high-memory route. */
export interface HighMemoryRule {
  /** JSON Pointer into the job's request, e.g. "/reduction/highMemory". */
  readonly pointer: string;
  /** The route is taken when the value equals one of these; empty: when it is `true`. */
  readonly values: readonly (string | number | boolean)[];
}

/** The top-level names of a job message's fields (defaults in BROKER_DEFAULTS.fields). */
export interface MessageFieldNames {
  readonly facility: string;
  readonly instrument: string;
  readonly proposal: string;
  readonly runNumbers: string;
  readonly dataFiles: string;
  readonly request: string;
}

export interface BrokerConfig {
  /** stomp://host:port (the STOMP connector of the broker). */
  readonly url: string;
  /** Credentials for CONNECT; the file may leave them to $FORMULARY_STOMP_LOGIN / _PASSCODE. */
  readonly login: string | null;
  readonly passcode: string | null;
  /** Destination of an instrument's jobs; `{instrument}` is replaced by its id. */
  readonly jobQueue: string;
  /** Destination of an instrument's high-memory jobs; `{instrument}` as above. */
  readonly highMemoryQueue: string;
  readonly highMemory: HighMemoryRule | null;
  /** Per instrument id, a destination that replaces jobQueue for it. */
  readonly routes: Readonly<Record<string, string>>;
  /** Where workers publish started, log, complete and error messages for the server. */
  readonly statusQueue: string;
  /** Topic the server publishes cancels on; every worker listens. */
  readonly controlTopic: string;
  /** Where a worker puts a message it cannot read (with the reason in a header), instead of dropping it. */
  readonly invalidQueue: string;
  /** The facility named in every job message (else the request's own /facility, else null). */
  readonly facility: string | null;
  /** Where the request names the instrument as the facility writes it (else the catalogue id). */
  readonly instrumentPointer: string;
  /** Where the request names the proposal; `proposalFormat` turns its value into the message's. */
  readonly proposalPointer: string;
  /** `{value}` is the request's proposal value, e.g. "IPTS-{value}". */
  readonly proposalFormat: string;
  /** Pointers to run numbers; `*` steps into every item of an array. Ranges "1:3" and lists "1,2" expand. */
  readonly runNumberPointers: readonly string[];
  /** Pointers to data file paths already in the request (`*` as above). */
  readonly dataFilePointers: readonly string[];
  /** A data file path per run: {instrument} (as the facility writes it), {proposal}, {run}; null: none. */
  readonly dataFileTemplate: string | null;
  readonly fields: MessageFieldNames;
  /** First pause before reconnecting, doubled up to `maxReconnectDelayMs`. */
  readonly reconnectDelayMs: number;
  readonly maxReconnectDelayMs: number;
}

export const BROKER_DEFAULTS: Omit<BrokerConfig, 'url'> = {
  login: null,
  passcode: null,
  jobQueue: '/queue/formulary.jobs.{instrument}',
  highMemoryQueue: '/queue/formulary.highmem.{instrument}',
  highMemory: null,
  routes: {},
  statusQueue: '/queue/formulary.status',
  controlTopic: '/topic/formulary.control',
  invalidQueue: '/queue/formulary.invalid',
  facility: null,
  instrumentPointer: '/instrumentName',
  proposalPointer: '/iptsNumber',
  proposalFormat: 'IPTS-{value}',
  runNumberPointers: ['/job/scans/*/runNumber', '/runNumber', '/runNumbers/*'],
  dataFilePointers: ['/dataFile', '/dataFiles/*', '/job/scans/*/dataFile'],
  dataFileTemplate: null,
  fields: {
    facility: 'facility',
    instrument: 'instrument',
    proposal: 'ipts',
    runNumbers: 'run_numbers',
    dataFiles: 'data_files',
    request: 'request',
  },
  reconnectDelayMs: 250,
  maxReconnectDelayMs: 30_000,
};
