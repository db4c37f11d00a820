#!/usr/bin/env node
/**
 * Formulary's demo reduction: stands in for a facility's reduction script so the demo shows a job
 * that logs, takes a few seconds, writes an I(Q) curve and sometimes fails. It reads the request (a
 * file named on the command line, else stdin), checks what a reduction would refuse, prints progress,
 * and writes one curve per scan (Q, intensity, error) to the curve file. Node only, no dependencies.
 *
 * Usage: node simulate.mjs [REQUEST.json] [--output FILE] [--seconds N]
 *   --output   the curve file (default: $FORMULARY_CURVE_FILE, else reduced-iq.csv)
 *   --seconds  how long the whole reduction takes (default: $FORMULARY_SIMULATOR_SECONDS, else 3)
 * Exit codes: 0 reduced, 1 a value it cannot reduce (the reason is the last line on stderr), 2 usage.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

class CannotReduce extends Error {}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const text = args.request === undefined ? readFileSync(0, 'utf8') : readFileSync(args.request, 'utf8');
  let request;
  try {
    request = JSON.parse(text);
  } catch (error) {
    throw new CannotReduce(`the request is not JSON: ${error.message}`);
  }
  const plan = planReduction(request);
  const output = resolve(args.output ?? process.env.FORMULARY_CURVE_FILE ?? 'reduced-iq.csv');
  const seconds = args.seconds ?? Number(process.env.FORMULARY_SIMULATOR_SECONDS ?? 3);
  const steps = plan.scans.length * 5 + (plan.average ? 2 : 0);
  const pause = (seconds * 1000) / steps;

  console.log(
    `Reducing ${plan.scans.length} scan(s) of ${plan.instrument}, IPTS-${plan.ipts}${plan.average ? ', averaged' : ''}`,
  );
  console.log(
    `Q from ${plan.qMin} to ${plan.qMax} 1/Å in ${plan.bins} ${plan.log ? 'logarithmic' : 'linear'} bins`,
  );
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(
    output,
    `# Formulary reduction simulator: I(Q) of ${plan.instrument}, IPTS-${plan.ipts}\n# columns: Q (1/Å), intensity (1/cm), error (1/cm)\n`,
  );
  const curves = [];
  for (const scan of plan.scans) {
    const where = `scan ${scan.number} (run ${scan.runText})`;
    for (const run of scan.runs.slice(0, 3)) {
      console.log(`Loading /SNS/${plan.instrument}/IPTS-${plan.ipts}/nexus/${plan.instrument}_${run}.nxs.h5`);
      sleep(pause / 3);
    }
    if (scan.runs.length > 3) console.log(`... and ${scan.runs.length - 3} more run(s), summed`);
    console.log(`${where}: transmission ${scan.transmission.toFixed(3)}, thickness ${scan.thickness} cm`);
    sleep(pause);
    if (scan.transmission < 0.3)
      console.error(`warning: ${where}: low transmission ${scan.transmission}, expect multiple scattering`);
    for (const percent of [40, 70, 100]) {
      console.log(`${where}: binning ${percent}%`);
      sleep(pause);
    }
    const curve = { label: scan.label, points: shape(plan, scan) };
    curves.push(curve);
    appendFileSync(output, formatCurve(curve));
    console.log(`${where}: wrote ${curve.points.length} points`);
  }
  if (plan.average) {
    console.log('Averaging the scans');
    sleep(pause * 2);
    const curve = { label: 'average', points: averageOf(curves) };
    appendFileSync(output, formatCurve(curve));
  }
  console.log(`Done: ${output}`);
}

/** Reads what the reduction needs and refuses what it cannot reduce, naming the field. */
function planReduction(request) {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new CannotReduce('the request must be a JSON object');
  }
  const job = request.job ?? { mode: 'average', scans: [{ runNumber: String(request.runNumber ?? '0') }] };
  if (!Array.isArray(job.scans) || job.scans.length === 0)
    throw new CannotReduce('/job/scans: no scan to reduce');
  const binning = request.binning ?? {};
  const reflectometry = job.scans.some(
    (s) => s !== null && typeof s === 'object' && 'directBeamRunNumber' in s,
  );
  const qMin = numberOr(binning.Qmin, reflectometry ? 0.008 : 0.003, '/binning/Qmin');
  const qMax = numberOr(binning.Qmax, reflectometry ? 0.2 : 0.5, '/binning/Qmax');
  if (!(qMin > 0))
    throw new CannotReduce(`/binning/Qmin: ${qMin} 1/Å is not above 0; a log-log curve needs Q > 0`);
  if (!(qMin < qMax)) throw new CannotReduce(`/binning/Qmin: ${qMin} 1/Å is not below Qmax ${qMax} 1/Å`);
  const bins = Math.round(numberOr(binning.numQBins, 100, '/binning/numQBins'));
  if (bins < 5 || bins > 5000)
    throw new CannotReduce(`/binning/numQBins: ${bins} bins; the simulator reduces 5 to 5000`);
  const firstIndex = Number(process.env.FORMULARY_SCAN_INDEX || 0);
  const scans = job.scans.map((scan, i) => readScan(scan, firstIndex + i));
  return {
    instrument: String(
      request.instrumentName ?? process.env.FORMULARY_INSTRUMENT ?? 'instrument',
    ).toUpperCase(),
    ipts: String(request.iptsNumber ?? request.ipts ?? '0').replace(/^IPTS-/i, ''),
    average: job.mode === 'average' && job.scans.length > 1,
    reflectometry,
    qMin,
    qMax,
    bins,
    log: binning.QbinType !== 'linear',
    scans,
  };
}

/** `globalIndex` is the scan's place in the submitted request, so a per-scan job's messages point there. */
function readScan(scan, globalIndex) {
  const at = `/job/scans/${globalIndex}`;
  if (typeof scan !== 'object' || scan === null) throw new CannotReduce(`${at}: not a scan`);
  const runText = String(scan.runNumber ?? '').trim();
  const runs = parseRuns(runText, `${at}/runNumber`);
  const transmission = numberOr(scan.transmission?.value ?? null, 0.9, `${at}/transmission/value`);
  if (!(transmission > 0 && transmission <= 1)) {
    throw new CannotReduce(`${at}/transmission/value: ${transmission} is not a transmission (0 < T ≤ 1)`);
  }
  if (transmission < 0.1) {
    throw new CannotReduce(
      `${at}/transmission/value: transmission ${transmission} of run ${runText} is below 0.1; too little beam reaches the detector to reduce this scan`,
    );
  }
  const thickness = numberOr(scan.thickness ?? null, 0.1, `${at}/thickness`);
  if (!(thickness > 0)) throw new CannotReduce(`${at}/thickness: ${thickness} cm is not a thickness`);
  const name = [scan.sampleName, scan.label].find((v) => typeof v === 'string' && v.trim() !== '');
  return {
    number: globalIndex + 1,
    runs,
    runText,
    seed: runs[0],
    label: `scan ${globalIndex + 1}: run ${runText}${name === undefined ? '' : ` (${name})`}`,
    transmission,
    thickness,
    temperature: numberOr(scan.temperature ?? null, 295, `${at}/temperature`),
    concentration: numberOr(scan.concentration ?? null, 5, `${at}/concentration`),
  };
}

/** Runs as scientists type them: "142010", "142014:142015", "12345-12347, 12360". */
function parseRuns(text, at) {
  if (text === '') throw new CannotReduce(`${at}: no run number`);
  const runs = [];
  for (const piece of text.split(/[,;\s]+/).filter((p) => p !== '')) {
    const match = /^(\d+)(?:[-:–](\d+))?$/.exec(piece);
    if (match === null) throw new CannotReduce(`${at}: "${piece}" is not a run number or a range`);
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first || last - first > 1000) throw new CannotReduce(`${at}: cannot sum the range "${piece}"`);
    for (let run = first; run <= last; run++) runs.push(run);
  }
  return runs;
}

/** A number, a number typed as text ("0.85"), or null for the default; anything else is refused. */
function numberOr(value, fallback, at) {
  if (value === null || value === undefined) return fallback;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number))
    throw new CannotReduce(`${at}: ${JSON.stringify(value)} is not a number`);
  return number;
}

/** A plausible curve: polydisperse spheres for SANS, a film's Fresnel reflectivity for reflectometry. */
function shape(plan, scan) {
  const random = seeded(scan.seed);
  const points = [];
  for (let i = 0; i < plan.bins; i++) {
    const f = i / (plan.bins - 1);
    const q = plan.log ? plan.qMin * (plan.qMax / plan.qMin) ** f : plan.qMin + (plan.qMax - plan.qMin) * f;
    const ideal = plan.reflectometry ? reflectivity(q, scan) : spheres(q, scan);
    const relative = 0.02 + 0.03 * f; // fewer counts at high Q
    const intensity = ideal * (1 + relative * gaussian(random));
    points.push([q, Math.max(intensity, ideal * 0.05), ideal * relative]);
  }
  return points;
}

function spheres(q, scan) {
  // Radius grows with temperature (micelles swell); intensity scales with concentration and thickness.
  const radius = 30 * Math.min(2, Math.max(0.5, 1 + (scan.temperature - 295) / 150));
  const scale = 0.04 * scan.concentration * (scan.thickness / 0.1) * scan.transmission;
  let sum = 0;
  for (const spread of [0.85, 0.925, 1, 1.075, 1.15]) {
    const x = q * radius * spread;
    const amplitude = x < 1e-6 ? 1 : (3 * (Math.sin(x) - x * Math.cos(x))) / x ** 3;
    sum += amplitude * amplitude * spread ** 6;
  }
  return (scale * sum) / 5 + 0.01 * scan.thickness * 10;
}

function reflectivity(q, scan) {
  const qc = 0.0105;
  const film = 250 * Math.min(1.2, Math.max(0.8, 1 + (scan.temperature - 295) / 2000));
  if (q <= qc) return 1;
  const k = Math.sqrt(q * q - qc * qc);
  const fresnel = ((q - k) / (q + k)) ** 2;
  return fresnel * (1 + 0.6 * Math.cos(q * film)) * Math.exp(-(q * q) * 16) + 1e-7;
}

function averageOf(curves) {
  return curves[0].points.map((point, i) => {
    let weights = 0;
    let sum = 0;
    for (const curve of curves) {
      const [, intensity, error] = curve.points[i];
      const w = 1 / (error * error);
      weights += w;
      sum += w * intensity;
    }
    return [point[0], sum / weights, 1 / Math.sqrt(weights)];
  });
}

function formatCurve(curve) {
  const rows = curve.points.map(([q, i, e]) => `${q.toPrecision(6)},${i.toPrecision(6)},${e.toPrecision(4)}`);
  return `\n# curve: ${curve.label}\n${rows.join('\n')}\n`;
}

function seeded(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function gaussian(random) {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--output' || arg === '--seconds') {
      const value = argv[++i];
      if (value === undefined) usage(`${arg} needs a value`);
      if (arg === '--output') args.output = value;
      else if (!(Number(value) >= 0)) usage(`--seconds: "${value}" is not a number of seconds`);
      else args.seconds = Number(value);
    } else if (arg === '--help' || arg === '-h') {
      console.log('Usage: node simulate.mjs [REQUEST.json] [--output FILE] [--seconds N]');
      process.exit(0);
    } else if (arg.startsWith('-') && arg !== '-') usage(`unknown option ${arg}`);
    else if (args.request !== undefined) usage('give one request file');
    else args.request = arg === '-' ? undefined : arg;
  }
  return args;
}

function usage(message) {
  console.error(
    `simulate.mjs: ${message}\nUsage: node simulate.mjs [REQUEST.json] [--output FILE] [--seconds N]`,
  );
  process.exit(2);
}

try {
  main();
} catch (error) {
  if (error instanceof CannotReduce) {
    console.error(`error: cannot reduce: ${error.message}`);
    process.exit(1);
  }
  if (error?.code === 'ENOENT') {
    console.error(`error: ${error.path ?? 'a file'} does not exist`);
    process.exit(1);
  }
  throw error;
}
