/**
 * `node scripts/size.js --modules`: where the embed bundle's bytes go. Builds the embed once more with
 * a source map into a temporary folder (dist/embed is left as it is), gives every minified byte to the
 * source module its mapping names, and prints per package / src folder and per module the minified bytes
 * and gzip. No dependencies: the source map's VLQ mappings are decoded here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const vlqDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const vlqValue = new Map([...vlqDigits].map((ch, i) => [ch, i]));

/** Decodes one mappings segment (base64 VLQ) into its signed numbers. O(segment length). */
function decodeSegment(text) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = vlqValue.get(ch);
    if (digit === undefined) throw new Error(`source map: bad VLQ digit "${ch}" in "${text}"`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * For each generated line, the columns where a segment starts and the source index it maps to (-1 for
 * a segment with no source: wrapper code). O(mappings length).
 */
function segmentsByLine(mappings) {
  const lines = [];
  let source = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const text of lineText.split(',')) {
      if (text === '') continue;
      const fields = decodeSegment(text);
      column += fields[0];
      if (fields.length > 1) {
        source += fields[1];
        segments.push({ column, source });
      } else segments.push({ column, source: -1 });
    }
    lines.push(segments);
  }
  return lines;
}

/** Groups a source path: an npm package name, a src/<folder>, or what it is. */
function groupOf(path) {
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = path.slice(inModules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  const src = /(^|\/)src\/([^/]+)\//.exec(path);
  if (src) return `src/${src[2]}`;
  if (path === '(unmapped)') return '(unmapped: inlined CSS and JSON, glue)';
  return path.includes('rolldown') ? '(bundler runtime)' : path;
}

/**
 * Minified text of the bundle attributed per source module; bytes before the first segment of a line
 * or in unmapped segments go to "(unmapped)". Returns Map<module path, string>.
 */
function attribute(code, map) {
  const sources = map.sources.map((s) => s.replace(/^(\.\.\/)+/, '/'));
  const texts = new Map();
  const add = (key, text) => texts.set(key, (texts.get(key) ?? '') + text);
  const lines = code.split('\n');
  const segments = segmentsByLine(map.mappings);
  lines.forEach((line, i) => {
    const segs = segments[i] ?? [];
    if (segs.length === 0 || segs[0].column > 0)
      add('(unmapped)', line.slice(0, segs[0]?.column ?? line.length));
    segs.forEach((seg, j) => {
      const end = segs[j + 1]?.column ?? line.length;
      add(seg.source < 0 ? '(unmapped)' : (sources[seg.source] ?? '(unmapped)'), line.slice(seg.column, end));
    });
    add('(unmapped)', '\n');
  });
  return texts;
}

const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} kB`;

/**
 * Parts of the entry script a first paint does not need, each a test on source paths: what leaving
 * one out of the entry would save (gzip of the rest, as "if removed" above). Issue 26 asks to split
 * these off only where that pays for the extra file.
 */
const splitCandidates = [
  { name: 'import panel + notice', test: /src\/forms\/Import(Panel|Notice)\.tsx$/ },
  {
    name: 'JSON editor (json widget + parser)',
    test: /src\/(widgets\/JsonWidget\.tsx|schemas\/coerce\/parseJson(Tree|Text)\.ts)$/,
  },
  { name: 'draft bar', test: /src\/forms\/drafts\/DraftBar\.tsx$/ },
  { name: 'drafts history panel', test: /src\/forms\/drafts\/HistoryPanel\.tsx$/ },
  { name: 'field search UI + index + src/sorted', test: /src\/(forms\/search|schemas\/search|sorted)\// },
  {
    name: 'ajv error wording (explainAjvErrors, unionMessage)',
    test: /src\/schemas\/validate\/(explainAjvErrors|unionMessage)\.ts$/,
  },
];

function printSplitCandidates(texts, total) {
  console.log('\nsplit candidates: what leaving each out of this bundle saves');
  console.log(`${'candidate'.padEnd(52)} ${'modules'.padStart(8)} ${'if removed'.padStart(11)}`);
  for (const candidate of splitCandidates) {
    let rest = '';
    let modules = 0;
    for (const [path, text] of texts) {
      if (candidate.test.test(path)) modules++;
      else rest += text;
    }
    const saved = modules === 0 ? 0 : total - gz(rest);
    console.log(
      `${candidate.name.padEnd(52)} ${String(modules).padStart(8)} ${(modules === 0 ? 'not in it' : `-${kib(saved)}`).padStart(11)}`,
    );
  }
}

/** Prints the per-group and per-module table of the embed bundle (built afresh with a source map). */
export function printEmbedModules({ top = 25 } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'formulary-embed-map-'));
  try {
    execFileSync(
      'npx',
      [
        'vite',
        'build',
        '--mode',
        'embed',
        '--sourcemap',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
    const code = readFileSync(join(outDir, 'formulary.js'), 'utf8');
    const map = JSON.parse(readFileSync(join(outDir, 'formulary.js.map'), 'utf8'));
    const texts = attribute(code, map);
    const total = gz(code);

    // A module's gzip alone over-counts (it loses the shared dictionary); scale the shares to the total.
    const modules = [...texts].map(([path, text]) => ({
      path,
      raw: Buffer.byteLength(text),
      alone: gz(text),
    }));
    const aloneSum = modules.reduce((s, m) => s + m.alone, 0);
    for (const m of modules) m.share = (m.alone * total) / aloneSum;

    // Per group: the saving if the group's bytes were gone (gzip of the rest), the honest number for a cut.
    const groups = new Map();
    for (const m of modules) {
      const key = groupOf(relative(process.cwd(), m.path.replace(/\?.*$/, '')) || m.path);
      const g = groups.get(key) ?? { group: key, raw: 0, share: 0, paths: new Set() };
      g.raw += m.raw;
      g.share += m.share;
      g.paths.add(m.path);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      let rest = '';
      for (const [path, text] of texts) if (!g.paths.has(path)) rest += text;
      g.marginal = total - gz(rest);
    }

    console.log(`\nembed bundle by package / folder (total ${kib(code.length)} raw, ${kib(total)} gzip)`);
    console.log(
      `${'group'.padEnd(40)} ${'minified'.padStart(10)} ${'gzip share'.padStart(11)} ${'if removed'.padStart(11)}`,
    );
    for (const g of [...groups.values()].sort((a, b) => b.share - a.share))
      console.log(
        `${g.group.padEnd(40)} ${kib(g.raw).padStart(10)} ${kib(g.share).padStart(11)} ${`${g.marginal >= 0 ? '-' : '+'}${kib(Math.abs(g.marginal))}`.padStart(11)}`,
      );
    console.log(`\ntop ${top} modules`);
    console.log(`${'module'.padEnd(72)} ${'minified'.padStart(10)} ${'gzip share'.padStart(11)}`);
    for (const m of modules.sort((a, b) => b.share - a.share).slice(0, top)) {
      const name = relative(process.cwd(), m.path).replace(/^node_modules\//, '') || m.path;
      console.log(`${name.slice(-72).padEnd(72)} ${kib(m.raw).padStart(10)} ${kib(m.share).padStart(11)}`);
    }
    printSplitCandidates(texts, total);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
