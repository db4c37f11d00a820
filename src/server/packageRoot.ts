/**
 * The folder of Formulary's package.json, found from this file: from src/server in a checkout and from
 * dist/cli in a build alike, so the shipped instruments and the built portal are found either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'formulary')
          return dir;
      } catch {
        // not ours: keep looking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find Formulary's package.json above ${from}`);
    dir = parent;
  }
}
