// Bench task: waits until the --go file exists (the bench creates it once every client is subscribed;
// at most --wait ms), then prints --rate lines a second for --seconds, each stamped with the
// wall-clock time it was printed (`t=<ms>`), so a client can measure print-to-client latency on the
// same host.
import { existsSync } from 'node:fs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const wait = Number(arg('--wait', 3000));
const rate = Number(arg('--rate', 1000));
const seconds = Number(arg('--seconds', 5));
const go = arg('--go', undefined);
const print = () => {
  const end = Date.now() + seconds * 1000;
  let n = 0;
  const tick = setInterval(() => {
    const due = Math.floor(((Date.now() - (end - seconds * 1000)) / 1000) * rate);
    let out = '';
    while (n < due) out += `line ${++n} t=${Date.now()}\n`;
    if (out) process.stdout.write(out);
    if (Date.now() >= end) clearInterval(tick);
  }, 10);
};
const started = Date.now();
const waiting = setInterval(() => {
  if ((go !== undefined && existsSync(go)) || Date.now() - started >= wait) {
    clearInterval(waiting);
    print();
  }
}, 20);
