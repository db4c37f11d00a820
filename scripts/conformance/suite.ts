/**
 * The JSON Schema Test Suite as the conformance run reads it: where the snapshot sits (the shared folder
 * beside the clone, or FORMULARY_CONFORMANCE_DIR), its test files per dialect (required and optional/
 * apart), and a reader that serves `remotes/` for http://localhost:1234/ from disk, never the network.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../src/schemas/FieldModel';

export interface SuiteTest {
  readonly description: string;
  readonly data: unknown;
  readonly valid: boolean;
}

export interface SuiteGroup {
  readonly description: string;
  readonly schema: unknown;
  readonly tests: readonly SuiteTest[];
}

export interface SuiteFile {
  readonly dialect: Dialect;
  /** "ref", "optional/format/date", ... (path under the dialect's folder, without .json). */
  readonly name: string;
  readonly optional: boolean;
  readonly groups: readonly SuiteGroup[];
}

const folderOf: Readonly<Record<Dialect, string>> = {
  'draft-07': 'draft7',
  '2019-09': 'draft2019-09',
  '2020-12': 'draft2020-12',
};

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The suite's folder: FORMULARY_CONFORMANCE_DIR, else ../shared/conformance/json-schema-test-suite beside
 * the clone (CI), else two levels up (a git worktree under wt/). Throws naming what was tried.
 */
export function suiteDir(): string {
  const tried = [
    process.env.FORMULARY_CONFORMANCE_DIR,
    resolve(repoRoot, '../shared/conformance/json-schema-test-suite'),
    resolve(repoRoot, '../../shared/conformance/json-schema-test-suite'),
  ].filter((d): d is string => d !== undefined && d !== '');
  for (const dir of tried) if (existsSync(join(dir, 'tests'))) return dir;
  throw new Error(
    `JSON Schema Test Suite not found (tried ${tried.join(', ')}); set FORMULARY_CONFORMANCE_DIR to its folder`,
  );
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path));
    else if (name.endsWith('.json')) out.push(path);
  }
  return out;
}

/** Every test file of `dialect`, required first, in path order. */
export function suiteFiles(dir: string, dialect: Dialect): SuiteFile[] {
  const base = join(dir, 'tests', folderOf[dialect]);
  return jsonFiles(base).map((path) => {
    const name = relative(base, path)
      .replace(/\\/g, '/')
      .replace(/\.json$/, '');
    return {
      dialect,
      name,
      optional: name.startsWith('optional/'),
      groups: JSON.parse(readFileSync(path, 'utf8')) as SuiteGroup[],
    };
  });
}

export const remoteBase = 'http://localhost:1234/';

/** The text of a remote the suite serves at http://localhost:1234/, read from remotes/; else throws. */
export function readRemote(dir: string, url: string): string {
  if (!url.startsWith(remoteBase)) throw new Error(`no network in the conformance run: ${url}`);
  const path = join(dir, 'remotes', decodeURIComponent(url.slice(remoteBase.length).replace(/[#?].*$/, '')));
  if (!existsSync(path)) throw new Error(`not in remotes/: ${url}`);
  return readFileSync(path, 'utf8');
}
