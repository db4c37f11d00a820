// What a WebSocket write costs the server, apart from everything else: N ws clients in a child
// process, the server sends K frames of S bytes to each, G frames per write (G > 1: the socket is
// corked around them, as liveRoutes does per tick), and prints its user and system CPU seconds.
// `node bench/live/writeCost.mjs 1000 200 8000 4`. It showed the cost is per write (about 10 us on
// loopback from 200 B to 8 kB), which is why the live route writes a tick's frames at once.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { WebSocket, WebSocketServer } from 'ws';

const cpu = () => {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(f[11]) / 100, system: Number(f[12]) / 100 };
};

if (process.argv[2] === 'client') {
  const [n, k, url] = [Number(process.argv[3]), Number(process.argv[4]), process.argv[5]];
  let got = 0;
  let open = 0;
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('message', () => {
      if (++got === n * k) process.send('done');
    });
    ws.on('open', () => {
      if (++open === n) setTimeout(() => process.send('open'), 500);
    });
  }
} else {
  const [n, k, size, group] = process.argv.slice(2, 6).map(Number);
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.on('listening', r));
  const url = `ws://127.0.0.1:${wss.address().port}`;
  const child = fork(new URL(import.meta.url).pathname, ['client', String(n), String(k), url]);
  await new Promise((r) => child.once('message', r));
  const frame = Buffer.alloc(size, 'a');
  const before = cpu();
  const done = new Promise((r) => child.once('message', r));
  const sockets = [...wss.clients];
  for (let sent = 0; sent < k; sent += group) {
    for (const s of sockets) {
      if (group > 1) s._socket.cork();
      for (let g = 0; g < group; g++) s.send(frame, { binary: false });
      if (group > 1) s._socket.uncork();
    }
    await new Promise((r) => setImmediate(r));
  }
  const after = cpu();
  await done;
  const user = after.user - before.user;
  const system = after.system - before.system;
  const writes = n * Math.ceil(k / group);
  console.log(
    JSON.stringify({
      clients: n,
      frames: k,
      bytes: size,
      perWrite: group,
      user,
      system,
      usPerFrame: ((user + system) / (n * k)) * 1e6,
      usPerWrite: ((user + system) / writes) * 1e6,
    }),
  );
  child.kill();
  process.exit(0);
}
