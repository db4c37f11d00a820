/** Live job status for pages and the embed: the event feed with its fallback, and state words. */

export { isFinal, isJobState, JOB_STATES, type JobState, overallState, STATE_WORDS } from './jobStates';
export {
  followLive,
  type LiveEvent,
  type LiveFeed,
  type LiveFeedOptions,
  type LiveKind,
  type LiveStatus,
} from './liveFeed';
