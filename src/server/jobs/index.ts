/**
 * The job layer of the submission service: what runs for each instrument (configuration), the jobs a
 * request becomes, the local runner and its dispatcher, recovery at start-up, and the recorder
 * interface through which all of it is stored. Node only; no HTTP, no SQL.
 */

export {
  BROKER_DEFAULTS,
  type BrokerConfig,
  type HighMemoryRule,
  type MessageFieldNames,
} from './BrokerConfig';
export { BrokerWorker, type BrokerWorkerOptions, WORKER_VARIABLE } from './BrokerWorker';
export {
  type JobEnvelope,
  jobMessage,
  MESSAGE_VERSION,
  readJobMessage,
  readStatusMessage,
  routeFor,
  runNumbersOf,
  type StatusKind,
  type StatusMessage,
} from './brokerMessages';
export type {
  CancelResult,
  CloseOptions,
  Dispatcher,
  DispatcherSnapshot,
  EnqueueOptions,
} from './Dispatcher';
export type { DispatchLedger, JobPolicy } from './DispatchLedger';
export { demoJobsConfig } from './demoJobsConfig';
export { JobQueue } from './JobQueue';
export type { CurveNews, JobRecorder } from './JobRecorder';
export { type JobsConfig, type TaskConfig, taskFor } from './JobsConfig';
export {
  type AttemptCause,
  FINAL_STATES,
  type JobAttempt,
  type JobState,
  type JobTransition,
  type LogLine,
  type LogStream,
  STATE_LABELS,
  type StopReason,
} from './JobTypes';
export { LocalDispatcher, type LocalDispatcherOptions } from './LocalDispatcher';
export { formatBytes, LogCapture, type LogCaptureOptions, TRUNCATED_MARKER } from './LogCapture';
export { MemoryJobRecorder, type MemoryJobRecorderOptions, type RecordedAttempt } from './MemoryJobRecorder';
export { DEFAULT_BROKER_URL, parseBrokerConfig, parseStompUrl } from './parseBrokerConfig';
export {
  type Curve,
  CurveFileError,
  type CurvePoint,
  type ParseCurveOptions,
  parseCurveFile,
} from './parseCurveFile';
export { JOBS_DEFAULTS, JobsConfigError, PLACEHOLDERS, parseJobsConfig } from './parseJobsConfig';
export { JobPlanError, type PlannedJob, planJobs } from './planJobs';
export {
  type AttemptPaths,
  attemptPaths,
  fillPlaceholders,
  type PreparedAttempt,
  prepareAttempt,
} from './prepareAttempt';
export {
  descendantTree,
  groupLeadersWith,
  isAttemptProcess,
  processTree,
  signalTree,
  treeAlive,
  treeMemoryBytes,
} from './processTree';
export {
  type RecoveryOptions,
  type RecoveryReport,
  recoverJobs,
  type UnfinishedAttempt,
} from './recoverJobs';
export { type LocalRunContext, type RunningAttempt, runLocalAttempt } from './runLocalAttempt';
export {
  type AttemptLookup,
  type AttemptView,
  StompDispatcher,
  type StompDispatcherOptions,
  WAITING_FOR_CLUSTER,
} from './StompDispatcher';
export { type LinkMessage, StompLink, type StompLinkOptions } from './StompLink';
export { stompTraceFile, traceLine } from './stompTrace';
export { type RetryOptions, withRetry } from './withRetry';
