/**
 * Global setup of the consumer tests: builds the package (`npm run build`, skipped when
 * FORMULARY_PACKAGE_BUILT=1 says CI just did), packs it as `npm pack` would for a publish, and installs
 * the tarball offline into two fresh projects under the system temp folder, outside the repository:
 *   node:  formulary alone (the CLI, a Node backend, the embed's files), no React, no devDependency;
 *   react: formulary with its own React, Vite and TypeScript, as a facility's web app has them.
 * Each install must print no warning. The folders are removed afterwards (kept with FORMULARY_PACKAGE_KEEP=1).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { consumerLockfile } from './consumerLockfile';
import { runOk } from './runProcess';

export interface PackageProjects {
  readonly tarball: string;
  readonly node: string;
  readonly react: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    packageProjects: PackageProjects;
  }
}

/** What the react project adds to formulary: its own React, a bundler, and types for the TS check. */
const reactProjectPackages = [
  'react',
  'react-dom',
  'vite',
  '@vitejs/plugin-react',
  'typescript',
  '@types/react',
  '@types/react-dom',
];

async function installConsumer(
  registry: string,
  dir: string,
  name: string,
  tarball: string,
  extra: readonly string[],
  manifest: Record<string, unknown>,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const tarballName = tarball.split('/').pop()!;
  writeFileSync(join(dir, tarballName), readFileSync(tarball));
  const { manifest: consumer, lockfile } = consumerLockfile({
    repoLockfile: resolve('package-lock.json'),
    formularyManifest: manifest,
    tarball,
    tarballSpec: `file:${tarballName}`,
    extraDependencies: extra,
    projectName: name,
    registry,
  });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(consumer, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
  const installed = await runOk('npm', ['ci', '--offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    timeoutMs: 240_000,
  });
  const warnings = `${installed.stdout}\n${installed.stderr}`
    .split('\n')
    .filter((line) => /\bwarn|\bERR/i.test(line));
  if (warnings.length > 0)
    throw new Error(`npm ci of the ${name} consumer was not silent:\n${warnings.join('\n')}`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const repo = process.cwd();
  if (process.env.FORMULARY_PACKAGE_BUILT !== '1')
    await runOk('npm', ['run', 'build'], { cwd: repo, timeoutMs: 300_000 });
  const work = mkdtempSync(join(tmpdir(), 'formulary-package-'));
  const packed = await runOk('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: repo,
  });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  const tarball = join(work, filename);
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  const registry = (await runOk('npm', ['config', 'get', 'registry'], { cwd: work })).stdout.trim();
  const node = join(work, 'node');
  const react = join(work, 'react');
  await Promise.all([
    installConsumer(registry, node, 'node-consumer', tarball, [], manifest),
    installConsumer(registry, react, 'react-consumer', tarball, reactProjectPackages, manifest),
  ]);
  project.provide('packageProjects', { tarball, node, react });
  return () => {
    if (process.env.FORMULARY_PACKAGE_KEEP !== '1') rmSync(work, { recursive: true, force: true });
    else console.log(`consumer projects kept in ${work}`);
  };
}
