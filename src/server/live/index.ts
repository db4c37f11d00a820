/** Live events for pages: the hub that follows the stored event feed and fans it out. Imported through this file only. */

export { AccessWatch, type AccessWatchOptions, type PrincipalsFeed } from './AccessWatch';
export {
  EventHub,
  type EventHubOptions,
  type FanoutTiming,
  type LiveSubscriber,
  matches,
  ResyncNeeded,
} from './EventHub';
export { type LiveGroup, parseGroup } from './LiveGroup';
export { type LogRun, type RunLine, toRuns } from './logRuns';
export { type EventRetentionOptions, startEventRetention } from './startEventRetention';
