// Benchmark task: prints `count` (argv[2]) numbered lines of about 80 bytes to stdout as fast as the
// pipe takes them, every tenth to stderr, then exits 0.
const count = Number(process.argv[2] ?? 100000);
const pad = 'x'.repeat(64);
let i = 0;
function writeSome() {
  while (i < count) {
    let out = '';
    let err = '';
    for (let k = 0; k < 1000 && i < count; k++, i++) {
      if (i % 10 === 9) err += `line ${String(i).padStart(8, '0')} ${pad}\n`;
      else out += `line ${String(i).padStart(8, '0')} ${pad}\n`;
    }
    if (err !== '') process.stderr.write(err);
    if (!process.stdout.write(out)) return process.stdout.once('drain', writeSome);
  }
}
writeSome();
