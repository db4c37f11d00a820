/**
 * Where the package's own files are: the folder holding Formulary's package.json, found by walking up
 * from this module. The same answer from the source (src/cli/preview) and from the build (dist/cli,
 * where this file is bundled into main.js), so the built page is found either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, or undefined when no formulary package.json is above this module. */
export function packageDir(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'formulary')
          return dir;
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}
