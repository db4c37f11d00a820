/**
 * `npm run bench:live`: live events under load, against the anchor of today's facility monitor (a
 * client polling every 10 s). One server process on SQLite runs --jobs jobs that print --rate lines
 * a second in all; --group clients follow the instrument's queue and --per clients follow each
 * submission (WebSocket). Measures print-to-client latency p50/p99 (each line carries its print
 * time), server CPU, server memory per idle connection, and checks that every client got every
 * event of its group once and in order (against a replay from the table). Prints a table; `--json FILE`.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import {
  testerFetch as fetch,
  startServerProcess,
  submit,
  testerHeaders,
} from '../../test/server/serverProcess';
import { quantile } from '../quantile';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const jsonFile = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
const groupClients = option('--group', 1000);
const perSubmission = option('--per', 100);
const jobs = option('--jobs', 10);
const rate = option('--rate', 10_000);
const seconds = option('--seconds', 5);
/** Processes the crowd of clients is spread over, and probe clients on the instrument's queue. */
const procs = option('--procs', 2);
const probes = option('--probes', 5);
/** `--verbose-lines`: clients take log batches as one object per line (the SSE form), not as runs. */
const compact = !argv.includes('--verbose-lines');
/** `--server-cpu-prof DIR`: the server writes a V8 CPU profile there when it stops (node --cpu-prof). */
const profDir = argv.includes('--server-cpu-prof') ? argv[argv.indexOf('--server-cpu-prof') + 1] : undefined;

interface Client {
  socket: WebSocket;
  ids: number[];
}

interface Reported {
  group: string;
  count: number;
  hash: string;
  eventLatency: number[];
  lineLatency: number[];
  storeDelay: number[];
}

const procTimes = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 }; // seconds (USER_HZ 100)
};
const procStat = (pid: number) => {
  const t = procTimes(pid);
  return t.user + t.system;
};
const rssBytes = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const pct = (values: number[], p: number) => quantile(values, p / 100);
const EVENT_ID = /^\{"type":"event","group":"[^"]*","event":\{"id":(\d+),/;

/** A client in this process: only the truth replays after the run (the crowd lives in clients.mjs). */
async function connect(url: string, group: string, since?: number): Promise<Client> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, { headers: testerHeaders(url) });
  const client: Client = { socket, ids: [] };
  socket.on('message', (data) => {
    const match = EVENT_ID.exec(String(data));
    if (match) client.ids.push(Number(match[1]));
  });
  await new Promise((done, fail) => {
    socket.once('open', done);
    socket.once('error', fail);
  });
  socket.send(JSON.stringify({ type: 'subscribe', group, ...(since === undefined ? {} : { since }) }));
  return client;
}

/** A process of clients (clients.mjs), driven over IPC. */
function clientProcess() {
  const child = fork(join(here, 'clients.mjs'), [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(message: object, answer: string) =>
    new Promise<T>((done) => {
      const on = (reply: { type: string }) => {
        if (reply.type !== answer) return;
        child.off('message', on);
        done(reply as T);
      };
      child.on('message', on);
      child.send(message);
    });
  return {
    child,
    connect: (url: string, mode: 'mass' | 'probe', specs: { group: string; since?: number }[]) =>
      ask({ type: 'connect', url, headers: testerHeaders(url), mode, specs, compact }, 'connected'),
    go: (at: number) => ask({ type: 'go', at }, 'going'),
    report: () => ask<{ clients: Reported[] }>({ type: 'report' }, 'report').then((r) => r.clients),
    close: () => child.send({ type: 'close' }),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-bench-live-'));
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  copyFileSync(join(root, 'test/server/fixtures/tiny.schema.json'), join(instruments, 'tiny.schema.json'));
  const config = join(dir, 'config.json');
  const timingFile = join(dir, 'timing.jsonl');
  const goFile = join(dir, 'go');
  // The jobs print once every client is subscribed (the go file); the wait is only a safety net.
  const waitMs = 300_000;
  writeFileSync(
    config,
    JSON.stringify({
      jobs: {
        maxConcurrent: jobs,
        jobsDir: join(dir, 'jobs'),
        tasks: {
          tiny: {
            command: [
              '{node}',
              join(here, 'ticker.mjs'),
              '--wait',
              String(waitMs),
              '--go',
              goFile,
              '--rate',
              String(rate / jobs),
              '--seconds',
              String(seconds),
            ],
            concurrency: jobs,
          },
        },
      },
    }),
  );
  const server = await startServerProcess({
    db: join(dir, 'db.sqlite'),
    instruments,
    config,
    env: { LOG_LEVEL: 'warn', FORMULARY_LIVE_TIMING: timingFile },
    ...(profDir ? { execArgv: ['--cpu-prof', '--cpu-prof-dir', profDir] } : {}),
  });
  const pid = server.child.pid!;
  const crowd = Array.from({ length: procs }, clientProcess);
  const probe = clientProcess();
  try {
    const rssBefore = rssBytes(pid);
    // The crowd on the instrument's queue, dealt round-robin over the client processes.
    const deal = async (specs: { group: string; since?: number }[]) => {
      const shares = crowd.map(() => [] as { group: string; since?: number }[]);
      for (const [i, spec] of specs.entries()) shares[i % crowd.length]!.push(spec);
      await Promise.all(crowd.map((c, i) => c.connect(server.url, 'mass', shares[i]!)));
    };
    await deal(Array.from({ length: groupClients }, () => ({ group: 'instrument:tiny' })));
    await probe.connect(
      server.url,
      'probe',
      Array.from({ length: probes }, () => ({ group: 'instrument:tiny' })),
    );
    const submissions: string[] = [];
    for (let i = 0; i < jobs; i++) {
      const response = await submit(server.url, 'tiny', JSON.stringify({ iptsNumber: 1, sample: `s${i}` }), {
        'idempotency-key': `bench-${Date.now()}-${i}`,
        'x-schema-version': '2',
      });
      submissions.push(((await response.json()) as { id: string }).id);
    }
    await deal(
      submissions.flatMap((id) =>
        Array.from({ length: perSubmission }, () => ({ group: `submission:${id}`, since: 0 })),
      ),
    );
    await probe.connect(
      server.url,
      'probe',
      submissions.map((id) => ({ group: `submission:${id}`, since: 0 })),
    );
    await new Promise((r) => setTimeout(r, 500));
    const idleRss = rssBytes(pid);
    const connections = groupClients + perSubmission * jobs + probes + jobs;
    // The anchor: one client per submission polling the log every 10 s, staleness of each new line.
    const staleness: number[] = [];
    const after = new Map<string, number>();
    let polling = false;
    const poll = async () => {
      if (polling) return;
      polling = true;
      for (const id of submissions) {
        const list = (await (await fetch(`${server.url}/api/submissions/${id}/jobs`)).json()) as {
          items: { id: string }[];
        };
        for (const job of list.items) {
          const page = (await (
            await fetch(`${server.url}/api/jobs/${job.id}/log?after=${after.get(job.id) ?? 0}&limit=5000`)
          ).json()) as {
            lines: { seq: number; text: string }[];
          };
          const now = Date.now();
          for (const line of page.lines) {
            const stamp = /t=(\d+)$/.exec(line.text);
            if (stamp) staleness.push(now - Number(stamp[1]));
          }
          if (page.lines.length > 0) after.set(job.id, page.lines.at(-1)!.seq);
        }
      }
      polling = false;
    };
    const goAt = Date.now();
    await Promise.all([...crowd, probe].map((c) => c.go(goAt)));
    writeFileSync(goFile, '');
    const cpuStart = procStat(pid);
    const timesStart = procTimes(pid);
    const crowdCpuStart = crowd.reduce((sum, c) => sum + procStat(c.child.pid!), 0);
    const wallStart = Date.now();
    // A poll the loaded server drops is tried again at the next tick, as a polling page would.
    const tryPoll = () =>
      poll().catch(() => {
        polling = false;
      });
    const poller = setInterval(() => void tryPoll(), 10_000);
    // Wait for every job to finish, then for the last events to arrive.
    let printing = 0; // server CPU seconds up to the end of the jobs' output
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const states = await Promise.all(
        submissions.map(
          async (id) =>
            (
              (await (await fetch(`${server.url}/api/submissions/${id}/jobs`)).json()) as {
                items: { state: string }[];
              }
            ).items[0]?.state,
        ),
      );
      if (states.every((s) => s === 'succeeded' || s === 'failed')) break;
    }
    printing = procStat(pid) - cpuStart;
    const timesEnd = procTimes(pid);
    const printWall = (Date.now() - wallStart) / 1000;
    await new Promise((r) => setTimeout(r, 1500));
    clearInterval(poller);
    await tryPoll();
    const crowdCpu = crowd.reduce((sum, c) => sum + procStat(c.child.pid!), 0) - crowdCpuStart;
    // Truth: each group's events replayed from the table by one more client.
    const truthGroup = await connect(server.url, 'instrument:tiny', 0);
    const truthPer = await Promise.all(submissions.map((id) => connect(server.url, `submission:${id}`, 0)));
    await new Promise((r) => setTimeout(r, 1500));
    const hash = (ids: number[]) => createHash('sha1').update(ids.join(',')).digest('hex');
    const truth = new Map<string, string>([
      ['instrument:tiny', hash(truthGroup.ids)],
      ...submissions.map((id, i) => [`submission:${id}`, hash(truthPer[i]!.ids)] as [string, string]),
    ]);
    const massReports = (await Promise.all(crowd.map((c) => c.report()))).flat();
    const probeReports = await probe.report();
    const bad = [...massReports, ...probeReports].filter((r) => r.hash !== truth.get(r.group)).length;
    const flat = (reports: Reported[], key: 'eventLatency' | 'lineLatency' | 'storeDelay') =>
      reports.flatMap((r) => r[key]);
    const massEvent = flat(massReports, 'eventLatency');
    const probeEvent = flat(probeReports, 'eventLatency');
    const probeLine = flat(probeReports, 'lineLatency');
    const storeDelay = flat(probeReports, 'storeDelay');
    // The server's own view: stored -> handed to every socket of the event's subscribers.
    // (absent when the server predates the timing log: the bench also measures older builds)
    const timing = (existsSync(timingFile) ? readFileSync(timingFile, 'utf8') : '')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { storedAt: number; readAt: number; sentAt: number; subscribers: number });
    const fanned = timing.filter((t) => t.subscribers > 0 && t.storedAt >= goAt);
    const serverSent = fanned.map((t) => t.sentAt - t.storedAt);
    const fanout = fanned.map((t) => t.sentAt - t.readAt);
    const lines = probeReports[0]?.lineLatency.length ?? 0; // a probe on the instrument's queue
    const ms = (v: number) => Math.round(v);
    const rows = [
      {
        measure: 'connections',
        value: connections,
        note: `${groupClients} on instrument:tiny + ${jobs} x ${perSubmission} on submissions in ${procs} client process(es); ${probes} + ${jobs} probes in another`,
      },
      {
        measure: 'log lines printed (one group client saw)',
        value: lines,
        note: `${rate} lines/s asked for ${seconds} s over ${jobs} jobs`,
      },
      {
        measure: 'events in the instrument group',
        value: truthGroup.ids.length,
        note: 'state changes and log batches',
      },
      {
        measure: 'clients with a missing, doubled or reordered event',
        value: bad,
        note: 'against a replay from the table',
      },
      {
        measure: 'server: stored -> sent p50 (ms)',
        value: ms(pct(serverSent, 50)),
        note: 'server timing log',
      },
      {
        measure: 'server: stored -> sent p99 (ms)',
        value: ms(pct(serverSent, 99)),
        note: `${fanned.length} events; fan-out alone p99 ${ms(pct(fanout, 99))} ms`,
      },
      {
        measure: 'probe: event latency p50 (ms)',
        value: ms(pct(probeEvent, 50)),
        note: 'stored -> probe parsed it',
      },
      {
        measure: 'probe: event latency p99 (ms)',
        value: ms(pct(probeEvent, 99)),
        note: `${probeEvent.length} deliveries`,
      },
      {
        measure: 'crowd: event latency p50 (ms)',
        value: ms(pct(massEvent, 50)),
        note: 'stored -> crowd client read it',
      },
      {
        measure: 'crowd: event latency p99 (ms)',
        value: ms(pct(massEvent, 99)),
        note: `${massEvent.length} deliveries`,
      },
      {
        measure: 'probe: line printed -> stored p50 / p99 (ms)',
        value: `${ms(pct(storeDelay, 50))} / ${ms(pct(storeDelay, 99))}`,
        note: 'pipe + 50 ms / 200-line batching + commit',
      },
      {
        measure: 'probe: line printed -> parsed p50 (ms)',
        value: ms(pct(probeLine, 50)),
        note: 'what a page shows',
      },
      {
        measure: 'probe: line printed -> parsed p99 (ms)',
        value: ms(pct(probeLine, 99)),
        note: `${probeLine.length} line deliveries`,
      },
      {
        measure: '10 s polling staleness p50 (ms)',
        value: ms(pct(staleness, 50)),
        note: 'anchor: the facility monitor, line printed -> read',
      },
      {
        measure: '10 s polling staleness p99 (ms)',
        value: ms(pct(staleness, 99)),
        note: `${staleness.length} lines`,
      },
      {
        measure: 'polling p50 / probe line p50',
        value: Number((pct(staleness, 50) / pct(probeLine, 50)).toFixed(1)),
        note: 'how much fresher live is',
      },
      {
        measure: 'server memory per idle connection (kB)',
        value: Math.round((idleRss - rssBefore) / connections / 1024),
        note: 'RSS after connecting / connections',
      },
      {
        measure: 'server CPU while jobs ran (cores)',
        value: Number((printing / printWall).toFixed(2)),
        note: `utime+stime / wall over ${printWall.toFixed(1)} s (from go to the last job's end; print ${seconds} s)`,
      },
      {
        measure: 'server CPU seconds per 1,000 lines',
        value: Number(((printing / Math.max(1, lines)) * 1000).toFixed(3)),
        note: `${printing.toFixed(1)} s in all: the load-independent cost (the wall time stretches when other work takes the cores)`,
      },
      {
        measure: 'server CPU seconds: user / system',
        value: `${(timesEnd.user - timesStart.user).toFixed(1)} / ${(timesEnd.system - timesStart.system).toFixed(1)}`,
        note: 'system: mostly the kernel copying frames to loopback sockets',
      },
      {
        measure: 'crowd processes CPU (cores)',
        value: Number((crowdCpu / ((Date.now() - wallStart) / 1000)).toFixed(2)),
        note: 'the load generator, for comparison',
      },
      {
        measure: 'load average (1 min)',
        value: loadavg()[0]!.toFixed(2),
        note: '2 cores shared with other work',
      },
    ];
    console.table(rows);
    if (jsonFile) writeFileSync(jsonFile, JSON.stringify(rows, null, 2));
    for (const c of [truthGroup, ...truthPer]) c.socket.terminate();
    process.exitCode = bad === 0 ? 0 : 1;
  } finally {
    for (const c of [...crowd, probe]) c.close();
    await server.stop('SIGTERM');
  }
}

void main();
