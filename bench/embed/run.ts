/**
 * `npm run bench:embed`: the embedded EQSANS form on a plain page served from 127.0.0.1, loaded cold in
 * Chromium under a throttled profile (measureLoad.ts), against the peer a facility would otherwise use:
 * React 19 + @rjsf/core 6 + @rjsf/validator-ajv8 in one script (rjsfEmbed.tsx, built here with Vite)
 * mounting the same bundled schema, in the same run. Prints medians with ratios and the load average;
 * `--json FILE` writes them. Options: --runs N (default 3), --no-build (reuse dist/embed).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { loadSchema } from '../../src/schemas/index';
import { launchChromium } from '../../test/e2e/chromium';
import { type LoadSample, measureLoad, throttling } from './measureLoad';
import { serveGzipped } from './serveGzipped';

const here = import.meta.dirname;
const root = resolve(here, '../..');
const site = join(here, 'dist');

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(options.runs));

/** The Formulary entry, its later file, the RJSF peer, the bundled schema and the two pages. */
async function prepareSite(): Promise<void> {
  if (!options['no-build']) {
    execFileSync('npx', ['vite', 'build', '--mode', 'embed', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  mkdirSync(site, { recursive: true });
  for (const file of ['formulary.js', 'formulary-validator.js'])
    copyFileSync(join(root, 'dist/embed', file), join(site, file));
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: site,
      emptyOutDir: false,
      lib: {
        formats: ['iife'],
        name: 'RjsfEmbed',
        entry: join(here, 'rjsfEmbed.tsx'),
        fileName: () => 'rjsf-embed.js',
      },
    },
  });
  const loaded = await loadSchema(join(root, 'src/schemas/instruments/eqsans.schema.json'));
  writeFileSync(join(site, 'eqsans.bundled.json'), JSON.stringify(loaded.schema));
  const page = (head: string, body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>EQSANS request</title>${head}</head><body><h1>Reduction request</h1>${body}</body></html>`;
  writeFileSync(
    join(site, 'formulary.html'),
    page(
      '<script src="formulary.js" defer></script>',
      '<formulary-form schema-src="eqsans.bundled.json" drafts="off"></formulary-form>',
    ),
  );
  writeFileSync(
    join(site, 'rjsf.html'),
    page(
      '<script src="rjsf-embed.js" defer></script>',
      '<div id="root" data-schema-src="eqsans.bundled.json"></div>',
    ),
  );
}

const gzipKiB = (file: string) => gzipSync(readFileSync(join(site, file)), { level: 9 }).length / 1024;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  await prepareSite();
  const server = await serveGzipped(site);
  const browser = await launchChromium();
  const loadBefore = loadavg();
  const samples: Record<'formulary' | 'rjsf', LoadSample[]> = { formulary: [], rjsf: [] };
  const targets = {
    formulary: {
      url: `${server.url}formulary.html`,
      field: (p: import('playwright-core').Page) => p.locator('formulary-form').getByLabel(/^IPTS/).first(),
      readyMark: 'formulary:validator-ready',
    },
    rjsf: {
      url: `${server.url}rjsf.html`,
      field: (p: import('playwright-core').Page) => p.locator('#root').getByLabel(/^IPTS/).first(),
      readyMark: 'rjsf:validator-ready',
    },
  };
  try {
    for (let run = 0; run < runs; run++) {
      // Alternating order, so neither engine always runs on the warmer machine.
      const order = run % 2 === 0 ? (['formulary', 'rjsf'] as const) : (['rjsf', 'formulary'] as const);
      for (const engine of order) {
        const sample = await measureLoad(browser.context, targets[engine]);
        samples[engine].push(sample);
        const files = sample.timeline.map((t) => `${t.url.replace(server.url, '')} ${t.startMs}-${t.endMs}`);
        console.error(
          `run ${run + 1} ${engine}: first key ${sample.firstKeyMs.toFixed(0)} ms, validator ${sample.validatorReadyMs.toFixed(0)} ms, ${(sample.bytes / 1024).toFixed(1)} kB; ${files.join(', ')}`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const loadAfter = loadavg();

  const summary = (engine: 'formulary' | 'rjsf') => {
    const s = samples[engine];
    const firstKeyMs = median(s.map((x) => x.firstKeyMs));
    const validatorReadyMs = median(s.map((x) => x.validatorReadyMs));
    return {
      engine,
      firstKeyMs,
      validatorReadyMs,
      readyAfterInteractiveMs: median(s.map((x) => x.validatorReadyMs - x.firstKeyMs)),
      transferredKiB: median(s.map((x) => x.bytes)) / 1024,
      files: s[0]?.files.map((f) => ({ url: f.url.replace(server.url, ''), kiB: f.bytes / 1024 })) ?? [],
    };
  };
  const formulary = summary('formulary');
  const rjsf = summary('rjsf');
  const entryKiB = gzipKiB('formulary.js');
  const laterKiB = gzipKiB('formulary-validator.js');
  const rjsfKiB = gzipKiB('rjsf-embed.js');

  const row = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(30) : c.padStart(16))).join(''));
  console.log(
    `\nEQSANS embedded form, cold load: CPU ${throttling.cpuSlowdown}x slower, ${throttling.downloadBitsPerSecond / 1e6} Mbit/s down, ${throttling.roundTripMs} ms RTT; median of ${runs}`,
  );
  row(['', 'formulary', 'rjsf (peer)', 'ratio']);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  row([
    'first keystroke (ms)',
    formulary.firstKeyMs.toFixed(0),
    rjsf.firstKeyMs.toFixed(0),
    ratio(formulary.firstKeyMs, rjsf.firstKeyMs),
  ]);
  row([
    'validator ready (ms)',
    formulary.validatorReadyMs.toFixed(0),
    rjsf.validatorReadyMs.toFixed(0),
    ratio(formulary.validatorReadyMs, rjsf.validatorReadyMs),
  ]);
  row([
    '  after interactive (ms)',
    formulary.readyAfterInteractiveMs.toFixed(0),
    rjsf.readyAfterInteractiveMs.toFixed(0),
    '',
  ]);
  row([
    'transferred (kB, all files)',
    formulary.transferredKiB.toFixed(1),
    rjsf.transferredKiB.toFixed(1),
    ratio(formulary.transferredKiB, rjsf.transferredKiB),
  ]);
  row([
    'script gzip (kB)',
    `${entryKiB.toFixed(1)} + ${laterKiB.toFixed(1)}`,
    rjsfKiB.toFixed(1),
    ratio(entryKiB + laterKiB, rjsfKiB),
  ]);
  const goals = {
    entryAtMost110kB: entryKiB <= 110,
    entryPlusLaterAtMostRjsf: entryKiB + laterKiB <= rjsfKiB,
    firstKeyAtMostHalfOfRjsf: formulary.firstKeyMs <= 0.5 * rjsf.firstKeyMs,
    validatorWithin1sOfInteractive: formulary.readyAfterInteractiveMs <= 1000,
  };
  console.log('\ngoals (issue 26):');
  for (const [goal, met] of Object.entries(goals)) console.log(`  ${met ? 'met    ' : 'MISSED '} ${goal}`);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `\nload average before ${load(loadBefore)}, after ${load(loadAfter)} (2 shared cores: compare ratios)`,
  );

  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify(
        {
          throttling,
          runs,
          loadAverage: { before: loadBefore, after: loadAfter },
          scriptsGzipKiB: { entry: entryKiB, later: laterKiB, rjsf: rjsfKiB },
          formulary,
          rjsf,
          ratios: {
            firstKey: formulary.firstKeyMs / rjsf.firstKeyMs,
            validatorReady: formulary.validatorReadyMs / rjsf.validatorReadyMs,
            transferred: formulary.transferredKiB / rjsf.transferredKiB,
          },
          goals,
          samples,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`wrote ${options.json}`);
  }
}

await main();
