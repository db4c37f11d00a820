// Bench task: waits --wait ms (so clients can subscribe), then prints --rate lines a second for
// --seconds, each stamped with the wall-clock time it was printed (`t=<ms>`), so a client can
// measure print-to-client latency on the same host.
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const wait = arg('--wait', 3000);
const rate = arg('--rate', 1000);
const seconds = arg('--seconds', 5);
setTimeout(() => {
  const end = Date.now() + seconds * 1000;
  let n = 0;
  const tick = setInterval(() => {
    const due = Math.floor(((Date.now() - (end - seconds * 1000)) / 1000) * rate);
    let out = '';
    while (n < due) out += `line ${++n} t=${Date.now()}\n`;
    if (out) process.stdout.write(out);
    if (Date.now() >= end) clearInterval(tick);
  }, 10);
}, wait);
