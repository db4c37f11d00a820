/** Live job status for pages and the embed: the event feed with its fallback, state words, the embed's status. */
export { isFinal, isJobState, JOB_STATES, type JobState, jobStateWord, overallState } from './jobStates';
export { LiveJobStatus, receiptOf, type ServiceReceipt } from './LiveJobStatus';
export {
  followLive,
  type LiveEvent,
  type LiveFeed,
  type LiveFeedOptions,
  type LiveKind,
  type LiveStatus,
} from './liveFeed';
