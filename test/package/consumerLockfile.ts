/**
 * A package-lock.json for a consumer project that installs the packed formulary tarball plus a few of
 * our own locked packages (react, vite, ...), cut from this repository's lockfile. With it `npm ci
 * --offline` installs from the npm cache alone: `npm ci` caches tarballs, never the registry's package
 * documents that a lockfile-less `npm install` would need to resolve ranges.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}

interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

export interface ConsumerLockInput {
  /** The repository's package-lock.json. */
  readonly repoLockfile: string;
  /** formulary's package.json as packed. */
  readonly formularyManifest: Record<string, unknown>;
  /** The tarball, and how the consumer's package.json names it ("file:formulary-0.1.0.tgz"). */
  readonly tarball: string;
  readonly tarballSpec: string;
  /** Other packages the consumer depends on, each at the version our own lockfile holds. */
  readonly extraDependencies: readonly string[];
  readonly projectName: string;
  /** The registry the tarballs came from (npm's `registry` setting). */
  readonly registry: string;
}

/**
 * Our lockfile omits `resolved` (omit-lockfile-registry-resolved); without it npm asks the registry for
 * the package document, which is not cached. The registry's tarball URL lets npm find the cached
 * tarball by its integrity.
 */
function registryTarball(registry: string, path: string, entry: LockEntry): string {
  const name = (entry.name as string | undefined) ?? path.slice(path.lastIndexOf('node_modules/') + 13);
  const base = name.includes('/') ? name.split('/')[1]! : name;
  return `${registry.replace(/\/$/, '')}/${name}/-/${base}-${entry.version}.tgz`;
}

/** The path a package at `from` gets `name` from, walking up node_modules as Node does. */
function resolveFrom(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return undefined;
    base = base.slice(0, base.lastIndexOf('node_modules/')).replace(/\/$/, '');
  }
}

/** Names a package needs installed: dependencies, optional ones, and peers not marked optional. */
function needs(entry: LockEntry): { name: string; optional: boolean }[] {
  const out = Object.keys(entry.dependencies ?? {}).map((name) => ({ name, optional: false }));
  for (const name of Object.keys(entry.optionalDependencies ?? {})) out.push({ name, optional: true });
  for (const name of Object.keys(entry.peerDependencies ?? {}))
    if (!entry.peerDependenciesMeta?.[name]?.optional) out.push({ name, optional: false });
  return out;
}

/** The consumer's package.json and package-lock.json (as objects). */
export function consumerLockfile(input: ConsumerLockInput): {
  manifest: Record<string, unknown>;
  lockfile: Lockfile;
} {
  const repo = JSON.parse(readFileSync(input.repoLockfile, 'utf8')) as Lockfile;
  const bytes = readFileSync(input.tarball);
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  const m = input.formularyManifest;
  const formulary: LockEntry = {
    version: m.version as string,
    resolved: input.tarballSpec,
    integrity,
    license: m.license,
    dependencies: m.dependencies as Record<string, string>,
    bin: m.bin,
    engines: m.engines,
    peerDependencies: m.peerDependencies as Record<string, string>,
    peerDependenciesMeta: m.peerDependenciesMeta as Record<string, { optional?: boolean }>,
  };
  const packages: Record<string, LockEntry> = { ...repo.packages, 'node_modules/formulary': formulary };

  const dependencies: Record<string, string> = { formulary: input.tarballSpec };
  for (const name of input.extraDependencies) {
    const version = repo.packages[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`${name} is not in the repository's lockfile`);
    dependencies[name] = version;
  }

  const kept = new Map<string, LockEntry>();
  const queue = Object.keys(dependencies).map((name) => `node_modules/${name}`);
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (kept.has(path)) continue;
    const entry = packages[path]!;
    kept.set(path, entry);
    for (const { name, optional } of needs(entry)) {
      const found = resolveFrom(packages, path, name);
      if (found) queue.push(found);
      else if (!optional) throw new Error(`${path} needs ${name}, which the repository's lockfile lacks`);
    }
  }

  const lockPackages: Record<string, LockEntry> = {
    '': { name: input.projectName, version: '1.0.0', dependencies },
  };
  for (const path of [...kept.keys()].sort()) {
    // Everything here is a production dependency of the consumer: drop our dev/peer markings.
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = kept.get(path)!;
    if (!entry.resolved && entry.version && !entry.link)
      entry.resolved = registryTarball(input.registry, path, entry);
    lockPackages[path] = entry;
  }
  return {
    manifest: { name: input.projectName, version: '1.0.0', private: true, type: 'module', dependencies },
    lockfile: {
      name: input.projectName,
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: lockPackages,
    } as Lockfile,
  };
}
