/**
 * Expands the paths and globs given to `formulary lint` into files, sorted and de-duplicated. Own small
 * glob (`*`, `?`, `**`, `{a,b}`) because Node 20 has no fs.glob; quoted globs work the same in every shell.
 * A pattern that matches nothing is reported, never silently skipped.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const magic = /[*?[{]/;

/** A RegExp for one glob, matched against '/'-separated paths relative to the glob's base. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:[^/]+/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((p) => p.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = end;
      }
    } else out += /[.+^$()|\\[\]]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}$`);
}

/** Every file below `dir` (skipping node_modules and dot-folders), as '/'-separated relative paths. */
function filesBelow(dir: string, base = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) filesBelow(full, base, out);
    else if (entry.isFile()) out.push(relative(base, full).split(sep).join('/'));
  }
  return out;
}

export interface ExpandedPaths {
  /** Files, relative to cwd when below it. */
  readonly files: string[];
  /** Patterns or paths that matched nothing. */
  readonly unmatched: string[];
}

/** True for an http(s) URL, which the CLI reads over the network instead of from disk. */
export function isWebUrl(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

/** Expands paths and globs relative to `cwd`; http(s) URLs pass as they are. O(files below each glob's static prefix). */
export function expandPaths(patterns: readonly string[], cwd: string): ExpandedPaths {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const show = (abs: string) => {
    const rel = relative(cwd, abs);
    return rel.startsWith('..') ? abs : rel.split(sep).join('/');
  };
  for (const pattern of patterns) {
    // A schema published on a web server is linted where it lives (its $refs relative to its URL).
    if (isWebUrl(pattern)) {
      files.add(pattern);
      continue;
    }
    const normal = pattern.split(sep).join('/');
    if (!magic.test(normal)) {
      const abs = resolve(cwd, normal);
      if (existsSync(abs) && statSync(abs).isDirectory()) {
        const found = filesBelow(abs).filter((f) => f.endsWith('.json'));
        for (const f of found) files.add(show(join(abs, f)));
        if (found.length === 0) unmatched.push(pattern);
      } else if (existsSync(abs)) files.add(show(abs));
      else unmatched.push(pattern);
      continue;
    }
    const parts = normal.split('/');
    const firstMagic = parts.findIndex((p) => magic.test(p));
    const base = resolve(cwd, parts.slice(0, firstMagic).join('/') || '.');
    const re = globToRegExp(parts.slice(firstMagic).join('/'));
    const found = existsSync(base) ? filesBelow(base).filter((f) => re.test(f)) : [];
    for (const f of found) files.add(show(join(base, f)));
    if (found.length === 0) unmatched.push(pattern);
  }
  return { files: [...files].sort(), unmatched };
}
