/**
 * Every deep import into another package (`pkg/some/path`) must load in plain Node ESM, where nothing
 * guesses an extension: the built CLI and library keep package imports as they are written. A path the
 * package's `exports` lists is fine; otherwise it must name the file (`ajv-formats/dist/formats.js`).
 * Twice this broke the installed package (ajv/dist/2019, then ajv-formats/dist/formats).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { sourceFiles } from './sourceFiles';

const root = join(import.meta.dirname, '../..');

/** "pkg/a/b" -> ["pkg", "./a/b"]; "@scope/pkg/a" -> ["@scope/pkg", "./a"]; undefined for no subpath. */
function splitSpecifier(spec: string): [string, string] | undefined {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  if (parts.length <= nameLength) return undefined;
  return [parts.slice(0, nameLength).join('/'), `./${parts.slice(nameLength).join('/')}`];
}

test('deep imports into packages name a file or a path the package exports', () => {
  const offending: string[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const statements =
      /^\s*(?:import|export)\b[^;]*?from\s*'([^'.][^']*)'|\bimport\(\s*'([^'.][^']*)'\s*\)/gm;
    for (const match of text.matchAll(statements)) {
      const spec = (match[1] ?? match[2])!;
      if (spec.startsWith('node:')) continue;
      const split = splitSpecifier(spec);
      if (!split) continue;
      const [name, subpath] = split;
      if (/\.(js|mjs|cjs|json|css)$/.test(subpath)) continue;
      const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
        exports?: unknown;
      };
      const keys =
        manifest.exports && typeof manifest.exports === 'object' ? Object.keys(manifest.exports) : [];
      // An exact key, or a pattern such as "./*" (zustand's "zustand/vanilla").
      const exported = keys.some((key) =>
        key.endsWith('*') ? subpath.startsWith(key.slice(0, -1)) : key === subpath,
      );
      if (!exported) offending.push(`${relative(root, file)}: '${spec}'`);
    }
  }
  expect(offending).toEqual([]);
});
