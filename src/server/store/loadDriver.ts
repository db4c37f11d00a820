/**
 * Loads a database driver when a store is opened, not when the CLI starts: better-sqlite3 and pg are
 * optional peer dependencies, so `formulary lint` in a facility's CI must run without either, and a
 * server without one must say which package to install instead of failing on a bare module error.
 */
const installHint: Record<DriverName, string> = {
  'better-sqlite3': 'npm install better-sqlite3@12 (the SQLite store, the default)',
  pg: 'npm install pg@8 (the PostgreSQL store, used when DATABASE_URL is set)',
};

export type DriverName = 'better-sqlite3' | 'pg';

/** The driver's default export; throws an Error naming the package to install when it is missing. */
export async function loadDriver<T>(name: DriverName): Promise<T> {
  try {
    const module = (await import(name)) as { default?: T };
    return (module.default ?? module) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new Error(`The ${name} package is not installed: ${installHint[name]}`);
    throw error;
  }
}
