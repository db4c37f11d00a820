/** Live events for pages: the hub that follows the stored event feed and fans it out. Imported through this file only. */
export { EventHub, type LiveSubscriber, matches } from './EventHub';
export { type LiveGroup, parseGroup } from './LiveGroup';
