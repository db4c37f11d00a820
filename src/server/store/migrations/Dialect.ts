/** Which SQL back end a migration runs on: the few column types that differ (identity columns) branch on it. */
export type Dialect = 'sqlite' | 'postgres';
