/**
 * The examples convention: a request in examples/<id>/NAME.json is checked against the instrument
 * schema <root>/src/schemas/instruments/<id>.schema.json (else <root>/examples/<id>.schema.json), where
 * <root> holds the examples folder. invalid-*.json must fail exactly as invalid-*.expected.json says.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Whether a path is an example request (inside an examples/<id>/ folder, not a schema file). */
export function isExamplePath(path: string): boolean {
  const parts = resolve(path).split(/[\\/]/);
  const at = parts.lastIndexOf('examples');
  return at >= 0 && at <= parts.length - 3 && !path.endsWith('.schema.json');
}

/** Whether a path is the expected-errors companion of an invalid example. */
export function isExpectedErrorsPath(path: string): boolean {
  return basename(path).endsWith('.expected.json');
}

/** The expected-errors file for an invalid example, or undefined for a valid one. */
export function expectedErrorsPath(path: string): string | undefined {
  return basename(path).startsWith('invalid-') ? path.replace(/\.json$/, '.expected.json') : undefined;
}

/** The schema an example belongs to; `candidates` are the paths looked at (for the error message). */
export function findExampleSchema(path: string): { schema?: string; candidates: string[] } {
  const parts = resolve(path).split(/[\\/]/);
  const at = parts.lastIndexOf('examples');
  const root = parts.slice(0, at).join('/') || '/';
  const id = parts[at + 1] ?? '';
  const candidates = [
    join(root, 'src/schemas/instruments', `${id}.schema.json`),
    join(dirname(join(root, 'examples', id)), `${id}.schema.json`),
  ];
  return { schema: candidates.find((c) => existsSync(c)), candidates };
}
