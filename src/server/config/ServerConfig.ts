/**
 * What a running service is configured with, after flags, environment and the config file are merged
 * (flags win, then environment, then the file, then these defaults).
 */
import type { FormularyConfig } from '../../schemas/index';
import type { AuthConfig } from '../auth/index';
import type { JobsConfig } from '../jobs/index';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** A SQLite file path or a postgres:// URL. */
  readonly db: string;
  readonly instrumentsDir: string;
  /** The built portal; missing: the API alone. */
  readonly portalDir: string;
  readonly bodyLimit: number;
  readonly keyRetentionHours: number;
  /** Events of finished jobs older than this many days leave the replay feed (default 30). */
  readonly eventRetentionDays: number;
  /** How often the event sweep runs, in seconds (default: hourly, or the retention when shorter). */
  readonly eventSweepSeconds: number | undefined;
  readonly sqliteSynchronous: 'NORMAL' | 'FULL';
  readonly poolSize: number;
  readonly logLevel: string;
  /** Per instrument id: where its request names the proposal (default /iptsNumber). */
  readonly proposalPointers: Readonly<Record<string, string>>;
  /** The schema loader's options (keyword aliases, ...), as for the CLI's other commands. */
  readonly load: FormularyConfig;
  /** The file's "jobs" section, checked; without one, the demo simulator for every instrument. */
  readonly jobs: JobsConfig;
  /** Sessions, login limits, single sign-on and group mapping (the "auth" object of "server"). */
  readonly auth: AuthConfig;
  /** Names this process among servers sharing a database ($FORMULARY_RUNNER_ID, else the host name). */
  readonly runnerId: string;
}
