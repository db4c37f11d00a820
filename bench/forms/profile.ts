/**
 * `npx tsx bench/forms/profile.ts [--engine formulary] [--schema gen-1000] [--phase keys|mount|paste|paste-steps|keys-after-paste]
 * (paste-steps: the paste, mode and Apply only, not the rows that follow) [--inclusive] [--under FUNCTION] [--skip N] [--keys N] [--no-build]`: a
 * profiler for the form benchmark's page. Builds it unminified (bench/forms/dist-profile), then records
 * a CPU profile of the mount or of 30 keystrokes and prints the functions with the most self time,
 * so a missed goal in `npm run bench:forms` can be traced to code. Measures nothing for the table.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/e2e/chromium';
import { serveBenchPage } from './serveBenchPage';

const here = import.meta.dirname;
const root = resolve(here, '../..');
const outDir = join(here, 'dist-profile');

const { values: options } = parseArgs({
  options: {
    engine: { type: 'string', default: 'formulary' },
    schema: { type: 'string', default: 'gen-1000' },
    phase: { type: 'string', default: 'keys' },
    top: { type: 'string', default: '30' },
    'no-build': { type: 'boolean', default: false },
    inclusive: { type: 'boolean', default: false },
    /** Keystrokes typed before the profile starts (1: leave out the first, which marks the field changed). */
    skip: { type: 'string', default: '0' },
    keys: { type: 'string', default: '30' },
    /** Only samples with this function on the stack, e.g. dispatchDiscreteEvent: the paste's own events, not the rows rendered after. */
    under: { type: 'string' },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const frameName = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop() ?? ''}:${node.callFrame.lineNumber + 1}`;

/**
 * Time per function (name, file, line) in ms, largest first: self time, or with `inclusive` the time
 * of every sample with the function anywhere on its stack (counted once per sample).
 */
function timesOf(profile: Profile, inclusive: boolean, under?: string): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = inclusive ? parent.get(at) : undefined) {
      const node = byId.get(at);
      if (node) names.add(frameName(node));
    }
    if (under !== undefined) {
      let found = false;
      for (let at: number | undefined = id; at !== undefined && !found; at = parent.get(at))
        found = byId.get(at)?.callFrame.functionName === under;
      if (!found) return;
    }
    for (const name of names) totals.set(name, (totals.get(name) ?? 0) + ms);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  if (!options['no-build']) {
    execFileSync(
      'npx',
      ['vite', 'build', '--config', join(here, 'vite.config.ts'), '--minify', 'false', '--outDir', outDir],
      { cwd: root, stdio: 'inherit' },
    );
  }
  const site = await serveBenchPage(outDir);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}?engine=${options.engine}&schema=${options.schema}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true' || document.body.dataset.error);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    type Bench = { mount(): Promise<number>; focusTarget(): Promise<void> };
    if (options.phase === 'mount') await cdp.send('Profiler.start');
    const mountMs = await page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.mount());
    if (options.phase === 'mount') console.log(`mount ${mountMs.toFixed(1)} ms`);
    if (options.phase === 'paste' || options.phase === 'paste-steps') {
      // The paste measure (pasteRun.ts): 1,000 scan rows, "Replace all rows", Apply.
      await page.waitForTimeout(500);
      await cdp.send('Profiler.start');
      await page.evaluate(
        (untilApplied) =>
          (
            window as unknown as {
              formBench: { pasteScans(n: number, untilApplied: boolean): Promise<unknown> };
            }
          ).formBench.pasteScans(1000, untilApplied),
        options.phase === 'paste-steps',
      );
    } else if (options.phase !== 'mount') {
      await page.waitForTimeout(500);
      // keys-after-paste: the keystrokes of the paste measure, 1,000 scan rows pasted first.
      if (options.phase === 'keys-after-paste') {
        await page.evaluate(() =>
          (
            window as unknown as { formBench: { pasteScans(n: number): Promise<unknown> } }
          ).formBench.pasteScans(1000),
        );
        await page.waitForTimeout(500);
      }
      await page.evaluate(() => (window as unknown as { formBench: Bench }).formBench.focusTarget());
      for (let i = 0; i < Number(options.skip); i++) await page.keyboard.press('z');
      await cdp.send('Profiler.start');
      for (let i = 0; i < Number(options.keys); i++)
        await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
      await page.waitForTimeout(100);
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const rows = timesOf(profile, options.inclusive, options.under);
    const total = profile.timeDeltas.reduce((sum, us) => sum + us / 1000, 0);
    console.log(`${options.engine} ${options.schema} ${options.phase}: ${total.toFixed(1)} ms sampled`);
    for (const [name, ms] of rows.slice(0, Number(options.top)))
      console.log(`${ms.toFixed(2).padStart(9)} ms  ${name}`);
  } finally {
    await browser.close();
    await site.close();
  }
}

await main();
