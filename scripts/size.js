#!/usr/bin/env node
/**
 * `npm run size`: gzip sizes of the standalone embed's entry script and of each file it loads later
 * (dist/embed: the entry is what a page loads before the form is interactive, issue 26), and of each
 * library entry point (shipped unminified: the host app minifies), after `build:lib` and `build:embed`.
 * Prints a table; exits 1 when the embed's entry script is over its budget.
 * `node scripts/size.js --modules` (or `npm run size -- --modules`) also prints where the embed's bytes
 * go, per package or src folder and per module (scripts/embedModules.js).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printEmbedModules } from './embedModules.js';

// The entry script only (React included): the lazy files load after the form is interactive.
const embedBudgetKiB = 110;

/** Bytes of a file and of its gzip at the default level, as a CDN would serve it. */
function sizes(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const rows = [];
const embed = 'dist/embed/formulary.js';
rows.push({ name: 'embed entry formulary.js (React included)', file: embed, ...sizes(embed) });
const lazyFiles = readdirSync('dist/embed').filter((f) => f.endsWith('.js') && f !== 'formulary.js');
const lazy = lazyFiles.map((f) => ({
  name: `  embed, loaded later: ${f}`,
  file: join('dist/embed', f),
  ...sizes(join('dist/embed', f)),
}));
rows.push(...lazy);
rows.push({
  name: '  embed, entry + every later file',
  file: embed,
  raw: rows[0].raw + lazy.reduce((sum, r) => sum + r.raw, 0),
  gzip: rows[0].gzip + lazy.reduce((sum, r) => sum + r.gzip, 0),
});
for (const entry of ['index', 'schemas', 'sorted', 'embed']) {
  const file = join('dist/lib', `${entry}.js`);
  // Shared chunks count once per entry that needs them: what a page importing that entry downloads.
  const chunks = readdirSync('dist/lib').filter(
    (f) => f.endsWith('.js') && !['index.js', 'schemas.js', 'sorted.js', 'embed.js'].includes(f),
  );
  const own = sizes(file);
  const imported = readFileSync(file, 'utf8');
  const shared = chunks
    .filter((chunk) => imported.includes(chunk))
    .map((chunk) => sizes(join('dist/lib', chunk)));
  rows.push({
    name: `formulary${entry === 'index' ? '' : `/${entry}`} (unminified, no externals)`,
    file,
    raw: own.raw + shared.reduce((sum, s) => sum + s.raw, 0),
    gzip: own.gzip + shared.reduce((sum, s) => sum + s.gzip, 0),
  });
}

const kib = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`${'bundle'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
for (const row of rows)
  console.log(`${row.name.padEnd(48)} ${kib(row.raw).padStart(10)} ${kib(row.gzip).padStart(10)}`);
const embedRow = rows[0];
const ok = embedRow.gzip <= embedBudgetKiB * 1024;
console.log(
  `\nembed entry budget ${embedBudgetKiB} kB gzip: ${ok ? 'within' : 'OVER'} (${kib(embedRow.gzip)})`,
);
if (!statSync(embed).isFile() || !ok) process.exitCode = 1;
if (process.argv.includes('--modules')) printEmbedModules();
