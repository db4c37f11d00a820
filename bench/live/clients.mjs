// bench:live's clients, in a process of their own (forked by run.ts), so the clients' own work is
// not queued on the loop that measures. Two modes: `mass` clients only find each frame's event id
// and stored time (the head and tail of the bytes, no parse), as a crowd of browser tabs would
// load the server; `probe` clients (a few, in a process whose loop is otherwise idle) parse every
// frame and time every line, so their latency is the server's plus the wire's, not the crowd's.
import { createHash } from 'node:crypto';
import WebSocket from 'ws';

const EVENT_ID = /^\{"type":"event","group":"[^"]*","event":\{"id":(\d+),/;
const CREATED_AT = /"createdAt":"([^"]+)"\}\}$/;
const STAMP = /t=(\d+)$/;

/** @type {{ socket: WebSocket, group: string, ids: number[], eventLatency: number[], lineLatency: number[], storeDelay: number[] }[]} */
const clients = [];
/** Latency counts events stored from the jobs' start on (the run's go), not a replay of older ones. */
let from = Number.POSITIVE_INFINITY;

function connect(url, headers, group, since, probe, compact) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/live`, { headers });
  const client = { socket, group, ids: [], eventLatency: [], lineLatency: [], storeDelay: [] };
  socket.on('message', (data) => {
    const now = Date.now();
    if (!probe) {
      const buffer = /** @type {Buffer} */ (data);
      const head = EVENT_ID.exec(buffer.toString('latin1', 0, Math.min(buffer.length, 256)));
      if (!head) return;
      client.ids.push(Number(head[1]));
      const tail = CREATED_AT.exec(buffer.toString('latin1', Math.max(0, buffer.length - 64)));
      const stored = tail ? Date.parse(tail[1]) : Number.NaN;
      if (stored >= from) client.eventLatency.push(now - stored);
      return;
    }
    const message = JSON.parse(String(data));
    if (message.type !== 'event') return;
    const event = message.event;
    client.ids.push(event.id);
    const stored = Date.parse(event.createdAt);
    if (stored < from) return;
    client.eventLatency.push(now - stored);
    // Log batches come as runs of lines (`compact`, as the page asks), or one object per line.
    const { runs, lines } = event.payload;
    const texts = runs ? runs.flatMap((run) => run.text) : (lines ?? []).map((line) => line.text);
    for (const text of texts) {
      const stamp = STAMP.exec(text);
      if (!stamp) continue;
      client.lineLatency.push(now - Number(stamp[1]));
      client.storeDelay.push(stored - Number(stamp[1]));
    }
  });
  return new Promise((done, fail) => {
    socket.once('error', fail);
    socket.once('open', () => {
      socket.send(
        JSON.stringify({ type: 'subscribe', group, compact, ...(since === undefined ? {} : { since }) }),
      );
      clients.push(client);
      done();
    });
  });
}

const hashOf = (ids) => createHash('sha1').update(ids.join(',')).digest('hex');

process.on('message', async (message) => {
  if (message.type === 'connect') {
    for (const spec of message.specs)
      await connect(
        message.url,
        message.headers,
        spec.group,
        spec.since,
        message.mode === 'probe',
        message.compact,
      );
    process.send({ type: 'connected', count: clients.length });
  } else if (message.type === 'go') {
    from = message.at;
    process.send({ type: 'going' });
  } else if (message.type === 'report') {
    process.send({
      type: 'report',
      clients: clients.map((c) => ({
        group: c.group,
        count: c.ids.length,
        hash: hashOf(c.ids),
        eventLatency: c.eventLatency,
        lineLatency: c.lineLatency,
        storeDelay: c.storeDelay,
      })),
    });
  } else if (message.type === 'close') {
    for (const c of clients) c.socket.terminate();
    process.disconnect();
  }
});
