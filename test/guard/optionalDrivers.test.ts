/**
 * better-sqlite3 and pg are optional peers: only the store that needs one may load it, when it opens
 * (src/server/store/loadDriver.ts). A static import anywhere in src makes every CLI command, lint
 * included, fail to start where the driver is not installed (the consumer test caught it for pg).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { sourceFiles } from './sourceFiles';

const root = join(import.meta.dirname, '../..');

test('no file in src imports a database driver at start-up', () => {
  const offending = sourceFiles(join(root, 'src')).flatMap((file) =>
    [
      ...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s*'(pg|better-sqlite3)'/gm),
    ].map((m) => `${relative(root, file)}: ${m[1]}`),
  );
  expect(offending).toEqual([]);
});
