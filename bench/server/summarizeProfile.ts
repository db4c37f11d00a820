/**
 * Reads a V8 .cpuprofile (what `npm run bench:server -- --cpu-prof DIR` leaves) and prints where the
 * server's CPU time went: self time by area (our files by folder, each npm package, Node internals,
 * native/GC) and the heaviest functions. Used to decide what to make faster on the submission path,
 * and to compare before and after: `npx tsx bench/server/summarizeProfile.ts FILE [--top N]`.
 */
import { readFileSync } from 'node:fs';

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

/** The area a frame's self time is counted under. */
function areaOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const src = /\/src\/(server\/[^/]+|[^/]+)\//.exec(url);
  if (src) return `src/${src[1]}`;
  return url.replace(/^.*\//, '');
}

const [file, ...rest] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: summarizeProfile.ts FILE.cpuprofile [--top N]');
  process.exit(2);
}
const top = Number(rest[rest.indexOf('--top') + 1] ?? 25) || 25;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries())
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

const areas = new Map<string, number>();
const functions = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === '(idle)') {
    idle += us;
    continue;
  }
  total += us;
  const area = areaOf(url, functionName);
  areas.set(area, (areas.get(area) ?? 0) + us);
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules\/|src\/)/, '$1')}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}
const ms = (us: number) => Math.round(us / 1000);
const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
console.log(`busy ${ms(total)} ms, idle ${ms(idle)} ms`);
console.table(
  [...areas]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([area, us]) => ({ area, ms: ms(us), share: pct(us) })),
);
console.table(
  [...functions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ function: fn.slice(0, 110), ms: ms(us), share: pct(us) })),
);
