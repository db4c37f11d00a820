/**
 * The benchmarks' charts (bench/plot): what a reader of docs/sorted.md sees must be right. The SVG
 * has one line per library with the floor dashed on log axes; times per sample become times per
 * operation with the work the worker does; and the CLI redraws all three benchmarks' saved results
 * in a real process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formsCharts } from '../../bench/plot/formsCharts';
import { sortedCharts } from '../../bench/plot/sortedCharts';
import { renderTimeChart } from '../../bench/plot/timeChart';

const root = resolve(import.meta.dirname, '../..');

const sortedCells = ['formulary', 'js-sdsl', 'sorted array'].flatMap((library, k) =>
  [1e3, 1e4, 1e5, 1e6].flatMap((size) =>
    ['add', 'contains'].map((op) => ({ op, size, library, ms: (k + 1) * Math.log10(size) })),
  ),
);

describe('renderTimeChart', () => {
  test('one line per library, the floor dashed, log axes labelled by size', async () => {
    const [chart] = sortedCharts(sortedCells, 'test run');
    if (chart === undefined) throw new Error('no chart');
    const svg = await renderTimeChart(chart);
    expect(svg.startsWith('<svg')).toBe(true);
    // One path per series in the line mark; only the floor's carries the dash pattern.
    const lines = svg.match(/<path[^>]*aria-roledescription="line mark"[^>]*>/g) ?? [];
    expect(lines).toHaveLength(3);
    expect(lines.filter((p) => p.includes('stroke-dasharray="6,4"'))).toHaveLength(1);
    for (const name of ['formulary', 'js-sdsl', 'sorted array (floor)', 'ns per add'])
      expect(svg).toContain(name);
    // A log x axis over 1e3..1e6 labels the decades.
    for (const tick of ['1k', '10k', '100k', '1M']) expect(svg).toContain(`>${tick}</text>`);
  });
});

describe('the charts each benchmark gets', () => {
  test('bench:sorted: time per sample becomes time per operation', () => {
    const charts = sortedCharts(sortedCells, 'test run');
    expect(charts.map((c) => c.file)).toEqual(['sorted-add.svg', 'sorted-contains.svg']);
    const add = charts[0]?.points.find((p) => p.series === 'formulary' && p.x === 1e4);
    // add: min(n, 5,000) adds per sample; 4 ms per sample at 1e4 is 800 ns per add.
    expect(add?.y).toBeCloseTo((4 * 1e6) / 5000);
    const contains = charts[1]?.points.find((p) => p.series === 'js-sdsl' && p.x === 1e6);
    // contains: 4 x min(n, 5,000) lookups per sample.
    expect(contains?.y).toBeCloseTo((2 * 6 * 1e6) / 20_000);
    expect(() => sortedCharts([{ op: 'sort', size: 10, library: 'x', ms: 1 }], '')).toThrow(/"sort"/);
  });

  test('bench:forms: generated schemas only, plain react-hook-form as the floor', () => {
    const base = { keyWorkP95Ms: 1, keyP50Ms: 10, keyP95Ms: 12, firstKeyMs: 14, heapMB: 5 };
    const results = [
      { ...base, engine: 'formulary', schema: 'gen-100', fields: 100, mountMs: 80 },
      { ...base, engine: 'rhf', schema: 'gen-100', fields: 100, mountMs: 40 },
      { ...base, engine: 'formulary', schema: 'biosans', fields: 113, mountMs: 90 },
    ];
    const mount = formsCharts(results, 'test run')[0];
    expect(mount?.file).toBe('forms-mount.svg');
    expect(mount?.points).toEqual([
      { series: 'formulary', x: 100, y: 80 },
      { series: 'rhf (floor)', x: 100, y: 40 },
    ]);
    expect(mount?.dashed).toEqual(['rhf (floor)']);
  });
});

describe('npm run bench:plot (a real process)', () => {
  test('redraws saved results of all three benchmarks, and refuses a file it does not know', () => {
    const dir = mkdtempSync(join(tmpdir(), 'formulary-plot-'));
    const files = {
      sorted: { node: 'v20', results: sortedCells },
      forms: {
        chromium: 'Chromium 1',
        node: 'v20',
        results: [100, 1000].flatMap((fields) =>
          ['formulary', 'rhf'].map((engine) => ({
            engine,
            schema: `gen-${fields}`,
            fields,
            mountMs: fields / 10,
            keyWorkP95Ms: 1,
            keyP50Ms: 10,
            keyP95Ms: 12,
            firstKeyMs: 14,
            heapMB: 5,
          })),
        ),
      },
      search: {
        node: 'v20',
        rows: [1000, 10_000].flatMap((fields) =>
          [1, 2].map((words) => ({
            fields,
            words,
            buildMs: fields / 1000,
            indexP50: 0.01,
            indexP99: 0.05,
            linearP50: fields / 1e4,
            linearP99: fields / 5e3,
          })),
        ),
      },
    };
    for (const [name, data] of Object.entries(files)) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(data));
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/plot/cli.ts', file, join(dir, name)], {
        cwd: root,
        stdio: 'pipe',
        timeout: 60_000,
      });
    }
    expect(readdirSync(join(dir, 'sorted')).sort()).toEqual(['sorted-add.svg', 'sorted-contains.svg']);
    expect(readdirSync(join(dir, 'forms'))).toHaveLength(5);
    expect(readdirSync(join(dir, 'search')).sort()).toEqual([
      'search-1-word.svg',
      'search-2-word.svg',
      'search-build.svg',
    ]);
    expect(readFileSync(join(dir, 'search', 'search-1-word.svg'), 'utf8')).toContain('linear scan p99');

    // A run split by sizes merges into one chart per operation: both halves' sizes on one axis.
    const small = join(dir, 'small.json');
    const large = join(dir, 'large.json');
    writeFileSync(small, JSON.stringify({ node: 'v20', results: sortedCells.filter((c) => c.size < 1e5) }));
    writeFileSync(large, JSON.stringify({ node: 'v20', results: sortedCells.filter((c) => c.size >= 1e5) }));
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'bench/plot/cli.ts', small, large, join(dir, 'merged')],
      {
        cwd: root,
        stdio: 'pipe',
        timeout: 60_000,
      },
    );
    const merged = readFileSync(join(dir, 'merged', 'sorted-add.svg'), 'utf8');
    for (const tick of ['1k', '1M']) expect(merged).toContain(`>${tick}</text>`);
    expect(merged).toContain('from 2 results file(s)');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ something: 1 }));
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/plot/cli.ts', bad, dir], {
        cwd: root,
        stdio: 'pipe',
        timeout: 30_000,
      }),
    ).toThrow(/not a bench:sorted, bench:forms or bench:search results file/);
  }, 120_000);

  test('bench:sorted --plot without a directory stops before any work', () => {
    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/sorted/run.ts', '--plot'], {
        cwd: root,
        stdio: 'pipe',
        timeout: 30_000,
      });
    } catch (error) {
      const failed = error as { status: number; stderr: Buffer };
      status = failed.status;
      stderr = failed.stderr.toString();
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/--plot needs a directory/);
  }, 40_000);
});
