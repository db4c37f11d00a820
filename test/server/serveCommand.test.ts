/** `formulary serve`'s arguments and configuration errors, in process (nothing listens in these cases). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'formulary-serve-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
  return { code, out, err };
}

it('prints its help', async () => {
  const { code, out } = await run(['serve', '--help']);
  expect(code).toBe(0);
  expect(out).toMatch(/--db FILE\|URL/);
  expect(out).toMatch(/--instruments DIR/);
});

it('refuses a port that is not a number (usage, exit 2)', async () => {
  const { code, err } = await run(['serve', '--port', 'abc']);
  expect(code).toBe(2);
  expect(err).toContain('--port must be a number');
});

it('names the config field that is wrong (exit 1)', async () => {
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ server: { port: 'eighty', colour: 'blue' } }));
  const bad = await run(['serve', '--config', 'bad.json']);
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/bad\.json: server\.port must be a port number/);
  writeFileSync(join(dir, 'unknown.json'), JSON.stringify({ server: { colour: 'blue' } }));
  const unknown = await run(['serve', '--config', 'unknown.json']);
  expect(unknown.err).toMatch(/server\.colour is not a setting/);
});

it('says which instruments folder has no schemas', async () => {
  const { code, err } = await run(['serve', '--instruments', dir, '--db', ':memory:', '--port', '0']);
  expect(code).toBe(1);
  expect(err).toMatch(/no \*\.schema\.json files/);
});
