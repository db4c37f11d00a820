/**
 * The submission service (Node only): what the CLI's `formulary serve` and the tests start. Other
 * folders import src/server through this file only.
 */

export { readServerConfig, type ServerFlags } from './config/readServerConfig';
export type { ServerConfig } from './config/ServerConfig';
export { BrokerWorker, type BrokerWorkerOptions, parseStompUrl } from './jobs/index';
export { type RunningServer, redactDb, type StartOptions, startServer } from './startServer';
