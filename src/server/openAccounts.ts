/**
 * For the `formulary users` command: the accounts of the database a server is configured with,
 * opened (and migrated) without starting the server. close() releases the database.
 */
import { AuthService } from './auth/index';
import type { ServerConfig } from './config/ServerConfig';
import { openStore } from './store/index';

export async function openAccounts(
  config: ServerConfig,
): Promise<{ auth: AuthService; close(): Promise<void> }> {
  const store = await openStore({ db: config.db, sqliteSynchronous: config.sqliteSynchronous, poolSize: 2 });
  return { auth: new AuthService(store.auth, config.auth), close: () => store.close() };
}
