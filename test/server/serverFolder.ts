/**
 * A temporary folder for one real `formulary serve`: its own copy of some instrument schemas, its
 * formulary.config.json, and where its SQLite database goes. Shared by the server tests and the e2e
 * pages (test/e2e/servedPages.ts) that each wrote these few lines out.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './serverProcess';

export interface ServerFolder {
  /** The instruments folder to serve, undefined for the server's own. */
  readonly instruments: string | undefined;
  readonly config: string;
  readonly db: string;
}

/** Writes `config` and copies `instruments` (files of src/schemas/instruments, if given) into `dir`. */
export function writeServerFolder(
  dir: string,
  config: object,
  instruments?: readonly string[],
): ServerFolder {
  let folder: string | undefined;
  if (instruments) {
    folder = join(dir, 'instruments');
    mkdirSync(folder);
    for (const file of instruments)
      copyFileSync(join(repoRoot, 'src/schemas/instruments', file), join(folder, file));
  }
  const configFile = join(dir, 'formulary.config.json');
  writeFileSync(configFile, JSON.stringify(config));
  return { instruments: folder, config: configFile, db: join(dir, 'formulary.sqlite') };
}
