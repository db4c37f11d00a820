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
// Exactly rate x seconds lines: the last tick prints what is still due. Ending on the clock instead
// (due read just before the end, the end checked just after) could leave the last line unprinted.
const print = () => {
  const start = Date.now();
  const total = Math.round(rate * seconds);
  let n = 0;
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * rate));
    let out = '';
    while (n < due) out += `line ${++n} t=${Date.now()}\n`;
    if (out) process.stdout.write(out);
    if (n >= total) clearInterval(tick);
  }, 10);
};
const started = Date.now();
const waiting = setInterval(() => {
  if ((go !== undefined && existsSync(go)) || Date.now() - started >= wait) {
    clearInterval(waiting);
    print();
  }
}, 20);
