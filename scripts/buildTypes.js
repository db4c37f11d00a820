#!/usr/bin/env node
/**
 * The published declarations: empties dist/types (no stale file from a moved source survives), runs
 * `tsc -p tsconfig.build.json`, then gives every relative import in dist/types/**\/*.d.ts the full path
 * Node's ESM resolution needs ('./x' → './x.js', './dir/index' → './dir/index.js'), so consumers with
 * moduleResolution node16/nodenext see our types. The source keeps extension-less imports (bundler
 * style). A stylesheet's side-effect import (`import './x.css'`) carries no types and is dropped: the
 * styles ship as formulary/styles.css. An import that names no declaration file is an error.
 * (tsc-alias was tried: it completes a path only when a runtime .js sits beside the .d.ts.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve('dist/types');
rmSync(root, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// from '…', import '…' and import('…') with a relative specifier, in declaration files.
const stylesheetImport = /^import\s*(['"])\.{1,2}\/[^'"]*\.css\1;?\n/gm;
const relativeImport = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* declarationFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* declarationFiles(path);
    else if (entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The complete specifier for `spec` as imported from `file`, or undefined when nothing declares it. */
function complete(file, spec) {
  if (/\.(js|mjs|cjs|json)$/.test(spec)) return spec;
  const target = resolve(dirname(file), spec);
  if (existsSync(`${target}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${spec.replace(/\/$/, '')}/index.js`;
  return undefined;
}

const missing = [];
let changed = 0;
for (const file of declarationFiles(root)) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(stylesheetImport, '').replace(relativeImport, (whole, head, quote, spec) => {
    const full = complete(file, spec);
    if (full === undefined) {
      missing.push(`${file}: ${spec}`);
      return whole;
    }
    return `${head}${quote}${full}${quote}`;
  });
  if (next !== text) {
    writeFileSync(file, next);
    changed += 1;
  }
}
if (missing.length > 0) {
  console.error(`buildTypes: no declaration file for:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`buildTypes: ${changed} declaration files in ${root} use full import paths`);
