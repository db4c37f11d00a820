/**
 * validate, defaults and inspect (some through real processes, the rest in-process) on real (temporary, multi-file) schemas: exit
 * codes, output shapes, --config aliases, --help, and errors that name the file.
 */
import { describe, expect, test } from 'vitest';
import { runCli, spawnCli, tempProject } from './runCli';

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['sample'],
  properties: {
    sample: { $ref: 'parts.json#/definitions/sample' },
    Qmin: { type: 'number', 'x-units': '1/Å', default: 0.01, needsLess: '1/Qmax' },
    Qmax: { type: ['number', 'null'], 'x-units': '1/Å', maximum: 1 },
    binning: { type: 'string', enum: ['linear', 'log'], default: 'linear' },
    smearing: { type: 'number', 'x-units': 'mm', default: 0.5, 'x-advanced': true },
  },
};
const parts = {
  definitions: {
    sample: {
      type: 'object',
      properties: {
        run: { type: 'integer', minimum: 1, default: 88980 },
        thickness: { type: 'number', 'x-units': 'cm', default: 0.1 },
      },
    },
  },
};
const files = {
  's.schema.json': schema,
  'parts.json': parts,
  'config.json': { aliases: { 'x-lessThan': 'needsLess' } },
};

describe('formulary validate', { timeout: 120_000 }, () => {
  test('valid exits 0, invalid exits 1 with located errors', async () => {
    const dir = tempProject({
      ...files,
      'ok.json': { sample: { run: 1 }, Qmin: 0.01, Qmax: 0.5 },
      'bad.json': { sample: { run: 0 }, Qmin: 0.01, Qmax: 2 },
    });
    const ok = spawnCli(['validate', 's.schema.json', 'ok.json'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('valid');
    const bad = spawnCli(['validate', 's.schema.json', 'bad.json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.json:3:5 error minimum \/sample\/run: /m);
    expect(bad.stdout).toMatch(/^bad\.json:6:3 error maximum \/Qmax: /m);
    const json = JSON.parse(
      (await runCli(['validate', '--format', 'json', 's.schema.json', 'bad.json'], dir)).stdout,
    );
    expect(json.map((e: { pointer: string; rule: string }) => `${e.pointer} ${e.rule}`).sort()).toEqual([
      '/Qmax maximum',
      '/sample/run minimum',
    ]);
  });

  test('a key the schema has no field for is a warning naming it; exit 0 when it is the only finding', async () => {
    const closed = {
      ...parts.definitions.sample,
      additionalProperties: false,
    };
    const dir = tempProject({
      ...files,
      'closed.schema.json': { ...schema, properties: { ...schema.properties, sample: closed } },
      'typo.json': { sample: { run: 1 }, Qmin: 0.01, Qmx: 0.5 },
      'closedTypo.json': { sample: { run: 1, thicknes: 0.2 } },
    });
    const typo = await runCli(['validate', 's.schema.json', 'typo.json'], dir);
    expect(typo.code).toBe(0);
    expect(typo.stdout).toMatch(/^typo\.json:6:3 warning unknown-key \/Qmx: not a field of this schema/m);
    // Where the schema forbids the key, it is the validator's error, reported once.
    const closedRun = await runCli(
      ['validate', '--format', 'json', 'closed.schema.json', 'closedTypo.json'],
      dir,
    );
    expect(closedRun.code).toBe(1);
    const rows: { pointer: string; severity: string }[] = JSON.parse(closedRun.stdout);
    expect(rows.filter((r) => r.pointer === '/sample/thicknes').map((r) => r.severity)).toEqual(['error']);
  });

  test('--config aliases make a facility rule keyword work', async () => {
    const dir = tempProject({ ...files, 'r.json': { sample: { run: 1 }, Qmin: 0.6, Qmax: 0.5 } });
    expect((await runCli(['validate', 's.schema.json', 'r.json'], dir)).code).toBe(0);
    const run = await runCli(['validate', '--config', 'config.json', 's.schema.json', 'r.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('lessThan /Qmin');
  });

  test('usage and file errors', async () => {
    const dir = tempProject({ ...files, 'broken.json': '{"a": ' });
    expect((await runCli(['validate', 's.schema.json'], dir)).code).toBe(2);
    const broken = await runCli(['validate', 's.schema.json', 'broken.json'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.json: invalid JSON');
    const missing = await runCli(['validate', 'nope.schema.json', 'broken.json'], dir);
    expect(missing.code).toBe(1);
    const noRef = tempProject({ 's.schema.json': schema, 'r.json': {} });
    const refRun = await runCli(['validate', 's.schema.json', 'r.json'], noRef);
    expect(refRun.code).toBe(1);
    expect(refRun.stderr).toMatch(/unresolved-ref .*parts\.json/);
  });
});

describe('formulary defaults', { timeout: 120_000 }, () => {
  test('prints the default request, nested, with null where null is allowed', async () => {
    const dir = tempProject(files);
    const run = spawnCli(['defaults', 's.schema.json'], dir);
    expect(run.code).toBe(0);
    const request = JSON.parse(run.stdout);
    expect(request).toMatchObject({
      sample: { run: 88980, thickness: 0.1 },
      Qmin: 0.01,
      Qmax: null,
      binning: 'linear',
      smearing: 0.5,
    });
  });

  test('exit 2 without a schema, 1 when it does not load', async () => {
    expect((await runCli(['defaults'])).code).toBe(2);
    const dir = tempProject({ 'bad.schema.json': '[1,' });
    const run = await runCli(['defaults', 'bad.schema.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.schema.json');
  });
});

describe('formulary inspect', { timeout: 120_000 }, () => {
  test('--json prints the summary with labels by pointer', async () => {
    const dir = tempProject(files);
    const run = await runCli(['inspect', '--json', 's.schema.json'], dir);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      fields: 6,
      groups: 1,
      lists: 0,
      choices: 0,
      advanced: 1,
      nullable: 1,
      conditions: 0,
    });
    expect(summary.labels).toMatchObject({
      '/sample': 'Sample',
      '/sample/run': 'Run',
      '/Qmin': 'Q min',
      '/Qmax': 'Q max',
    });
    const withRules = JSON.parse(
      (await runCli(['inspect', '--json', '--config', 'config.json', 's.schema.json'], dir)).stdout,
    );
    expect(withRules.rules).toBe(1);
    expect(summary.rules).toBe(0);
  });

  test('the text form lists counts and labels', async () => {
    const dir = tempProject(files);
    const run = await runCli(['inspect', 's.schema.json'], dir);
    expect(run.stdout).toMatch(/fields\s+6/);
    expect(run.stdout).toMatch(/\/sample\/thickness\s+Thickness/);
  });
});

describe('help', { timeout: 120_000 }, () => {
  test.each(['lint', 'validate', 'defaults', 'inspect'])('%s --help exits 0 with usage', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: formulary ${command}`);
    expect(run.stdout).toContain('--config FILE');
  });

  test('no command prints usage and exits 2; --help exits 0', async () => {
    expect(spawnCli([]).code).toBe(2);
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['--help'])).stdout).toContain('Commands:');
  });
});
