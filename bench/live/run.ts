/**
 * `npm run bench:live`: live events under load, against the anchor of today's facility monitor (a
 * client polling every 10 s). One server process on SQLite runs --jobs jobs that print --rate lines
 * a second in all; --group clients follow the instrument's queue and --per clients follow each
 * submission (WebSocket). Measures print-to-client latency p50/p99 (each line carries its print
 * time), server CPU, server memory per idle connection, and checks that every client got every
 * event of its group once and in order (against a replay from the table). Prints a table; `--json FILE`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import {
  testerFetch as fetch,
  startServerProcess,
  submit,
  testerHeaders,
} from '../../test/server/serverProcess';

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

interface Client {
  socket: WebSocket;
  ids: number[];
  latencies: number[];
}

const procStat = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, seconds (USER_HZ 100)
};
const rssBytes = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

let connected = 0;
/** Every client checks ids; every SAMPLE-th also parses the lines for latency (parsing 2,000 copies
 * of every batch in this one process would measure the load generator, not the server). */
const SAMPLE = 20;
const EVENT_ID = /^\{"type":"event","group":"[^"]*","event":\{"id":(\d+),/;

async function connect(url: string, group: string, since?: number): Promise<Client> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, { headers: testerHeaders(url) });
  const client: Client = { socket, ids: [], latencies: [] };
  const sampled = connected++ % SAMPLE === 0;
  socket.on('message', (data) => {
    const now = Date.now();
    const text = String(data);
    if (!sampled) {
      const match = EVENT_ID.exec(text);
      if (match) client.ids.push(Number(match[1]));
      return;
    }
    const message = JSON.parse(text);
    if (message.type !== 'event') return;
    client.ids.push(message.event.id);
    for (const line of message.event.payload.lines ?? []) {
      const stamp = /t=(\d+)$/.exec(line.text);
      if (stamp) client.latencies.push(now - Number(stamp[1]));
    }
  });
  await new Promise((done, fail) => {
    socket.once('open', done);
    socket.once('error', fail);
  });
  socket.send(JSON.stringify({ type: 'subscribe', group, ...(since === undefined ? {} : { since }) }));
  return client;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-bench-live-'));
  const instruments = join(dir, 'instruments');
  mkdirSync(instruments);
  copyFileSync(join(root, 'test/server/fixtures/tiny.schema.json'), join(instruments, 'tiny.schema.json'));
  const config = join(dir, 'config.json');
  const waitMs = 4000 + Math.ceil((groupClients + perSubmission * jobs) / 100) * 100;
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
    env: { LOG_LEVEL: 'warn' },
  });
  const pid = server.child.pid!;
  try {
    const rssBefore = rssBytes(pid);
    const groupSet: Client[] = [];
    for (let i = 0; i < groupClients; i++) groupSet.push(await connect(server.url, 'instrument:tiny'));
    const submissions: string[] = [];
    for (let i = 0; i < jobs; i++) {
      const response = await submit(server.url, 'tiny', JSON.stringify({ iptsNumber: 1, sample: `s${i}` }), {
        'idempotency-key': `bench-${Date.now()}-${i}`,
        'x-schema-version': '2',
      });
      submissions.push(((await response.json()) as { id: string }).id);
    }
    const perSet: Client[][] = [];
    for (const id of submissions) {
      const clients: Client[] = [];
      for (let i = 0; i < perSubmission; i++) clients.push(await connect(server.url, `submission:${id}`, 0));
      perSet.push(clients);
    }
    await new Promise((r) => setTimeout(r, 500));
    const idleRss = rssBytes(pid);
    const connections = groupClients + perSubmission * jobs;
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
    const cpuStart = procStat(pid);
    const wallStart = Date.now();
    const poller = setInterval(() => void poll(), 10_000);
    // Wait for every job to finish, then for the last events to arrive.
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
    await new Promise((r) => setTimeout(r, 1500));
    clearInterval(poller);
    await poll();
    const cpu = (procStat(pid) - cpuStart) / ((Date.now() - wallStart) / 1000);
    // Truth: each group's events replayed from the table by one more client.
    const truthGroup = await connect(server.url, 'instrument:tiny', 0);
    const truthPer = await Promise.all(submissions.map((id) => connect(server.url, `submission:${id}`, 0)));
    await new Promise((r) => setTimeout(r, 1500));
    const groupTruth = truthGroup.ids;
    let bad = 0;
    for (const c of groupSet) {
      // Subscribed before the first submission: must equal the whole feed of the instrument.
      if (JSON.stringify(c.ids) !== JSON.stringify(groupTruth)) bad++;
    }
    perSet.forEach((clients, i) => {
      for (const c of clients) if (JSON.stringify(c.ids) !== JSON.stringify(truthPer[i]!.ids)) bad++;
    });
    const latencies = [...groupSet, ...perSet.flat()].flatMap((c) => c.latencies);
    const lines = groupSet[0]?.latencies.length ?? 0; // groupSet[0] is a sampled client
    const rows = [
      {
        measure: 'connections',
        value: connections,
        note: `${groupClients} on instrument:tiny, ${jobs} x ${perSubmission} on submissions`,
      },
      {
        measure: 'log lines printed (one group client saw)',
        value: lines,
        note: `${rate} lines/s asked for ${seconds} s over ${jobs} jobs`,
      },
      {
        measure: 'events in the instrument group',
        value: groupTruth.length,
        note: 'state changes and log batches',
      },
      {
        measure: 'clients with a missing, doubled or reordered event',
        value: bad,
        note: 'against a replay from the table',
      },
      {
        measure: 'WebSocket latency p50 (ms)',
        value: pct(latencies, 50),
        note: 'line printed -> client parsed it',
      },
      {
        measure: 'WebSocket latency p99 (ms)',
        value: pct(latencies, 99),
        note: `${latencies.length} line deliveries to 1 in ${SAMPLE} clients`,
      },
      {
        measure: '10 s polling staleness p50 (ms)',
        value: pct(staleness, 50),
        note: 'anchor: the facility monitor',
      },
      {
        measure: '10 s polling staleness p99 (ms)',
        value: pct(staleness, 99),
        note: `${staleness.length} lines`,
      },
      {
        measure: 'server memory per idle connection (kB)',
        value: Math.round((idleRss - rssBefore) / connections / 1024),
        note: 'RSS after connecting / connections',
      },
      {
        measure: 'server CPU while jobs ran (cores)',
        value: Number(cpu.toFixed(2)),
        note: 'utime+stime / wall',
      },
      {
        measure: 'polling p50 / WebSocket p50',
        value: Number((pct(staleness, 50) / pct(latencies, 50)).toFixed(1)),
        note: 'how much fresher live is',
      },
    ];
    console.table(rows);
    if (jsonFile) writeFileSync(jsonFile, JSON.stringify(rows, null, 2));
    for (const c of [...groupSet, ...perSet.flat(), truthGroup, ...truthPer]) c.socket.terminate();
    process.exitCode = bad === 0 ? 0 : 1;
  } finally {
    await server.stop('SIGTERM');
  }
}

void main();
