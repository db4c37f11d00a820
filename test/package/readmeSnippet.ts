/**
 * The README's "Use it in your project" blocks, by their `<!-- consumer: NAME -->` marker: the consumer
 * tests run these very blocks, so the README cannot drift from what works.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The code of the fenced block right after `<!-- consumer: name -->` in README.md. */
export function readmeSnippet(name: string): string {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  const marker = `<!-- consumer: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no block marked ${marker}`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at + marker.length));
  if (!block) throw new Error(`README.md: no fenced block after ${marker}`);
  return block[1]!;
}

/** The command lines of a shell block (comments and blank lines left out). */
export function commandLines(snippet: string): string[] {
  return snippet
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
