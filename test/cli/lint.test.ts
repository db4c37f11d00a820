/**
 * `formulary lint`, through real processes and in-process main(): each output format (SARIF checked against the SARIF 2.1.0 schema
 * subset in test/fixtures/sarif), exit codes 0/1/2, --max-warnings, --config, globs, examples, and
 * errors naming file:line:col across a multi-file schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { serveStatic } from '../../scripts/serve.js';
import { repoRoot, runCli, spawnCli, tempProject } from './runCli';

const sans = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    sampleRuns: { $ref: 'common.json#/definitions/runList' },
    wavelengthMin: { type: 'number', 'x-units': 'Å', default: 2.5, 'x-lessThan': '1/wavelengthMax' },
    wavelengthMax: { type: 'number', 'x-units': 'Å', default: 6 },
    numberOfBins: { type: 'integer', minimum: 1, default: 100 },
  },
};
const common = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: { runList: { type: 'string', 'x-input': 'run-list', default: '' } },
};

describe('formulary lint', { timeout: 120_000 }, () => {
  test('a schema on a web server is linted by URL, its $refs read beside it; no answer is a clear error', async () => {
    const dir = tempProject({
      'sans.schema.json': sans,
      'common.json': { ...common, definitions: { runList: { type: 'strnig', default: '' } } },
    });
    const server = await serveStatic(dir, { port: 0 });
    try {
      const run = await runCli(['lint', `${server.url}sans.schema.json`], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(
          `^${server.url.replace(/[.]/g, '\\.')}common\\.json:\\d+:\\d+ error schema-valid .*"strnig" is not a JSON Schema type \\(did you mean "string"\\?\\)`,
          'm',
        ),
      );
    } finally {
      await server.close();
    }
    const gone = await runCli(['lint', 'http://nonexistent.invalid/sans.schema.json'], dir);
    expect(gone.code).toBe(1);
    // ENOTFOUND, or EAI_AGAIN on a machine without DNS: either way the cause is named.
    expect(gone.stdout).toMatch(
      /Cannot read schema http:\/\/nonexistent\.invalid\/sans\.schema\.json \(no response: getaddrinfo [A-Z_]+ nonexistent\.invalid\)/,
    );
  });

  test('translations named in formulary.config.json: a stale key fails the lint, a missing text warns', () => {
    const schema = {
      type: 'object',
      properties: {
        thickness: { type: 'number', default: 0.1, 'x-units': 'cm' },
        mode: { enum: ['a', 'b'] },
      },
    };
    const dir = tempProject({
      'schemas/tiny.schema.json': schema,
      'schemas/tiny.fr.json': {
        locale: 'fr',
        texts: { '/thickness': { title: 'Épaisseur' }, '/mode': { title: 'Mode', enum: { a: 'A', c: 'C' } } },
      },
      'formulary.config.json': { translations: { 'schemas/tiny.schema.json': ['schemas/tiny.fr.json'] } },
    });
    const run = spawnCli(['lint', 'schemas/tiny.schema.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/error\s+translation-stale .*"\/mode enum\/c" names nothing/);
    expect(run.stdout).toMatch(/warning\s+translation-missing .*no enum\/b for "\/mode"/);
    expect(run.stdout).toContain('1 error, 1 warning');
    // A translation file that is not one names its file and the bad key.
    const broken = tempProject({
      'schemas/tiny.schema.json': schema,
      'schemas/tiny.fr.json': { locale: 'fr', texts: { '/thickness': { titel: 'Épaisseur' } } },
      'formulary.config.json': { translations: { 'schemas/tiny.schema.json': ['schemas/tiny.fr.json'] } },
    });
    const bad = spawnCli(['lint', 'schemas/tiny.schema.json'], broken);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /schemas\/tiny\.fr\.json:\d+:\d+ error load-error invalid translation: unknown key "titel"/,
    );
  });

  test('human output follows FORMULARY_LANG (else LANG): French counts and validation messages', () => {
    const args = [
      'validate',
      'src/schemas/instruments/eqsans.schema.json',
      'examples/eqsans/invalid-qrange-slicing-limits.json',
    ];
    const french = spawnCli(args, repoRoot, { FORMULARY_LANG: 'fr' });
    expect(french.code).toBe(1);
    expect(french.stdout).toContain('doit être inférieur à Q max (0,45 1/Å)');
    expect(french.stdout).toMatch(/\n\d+ erreurs, 0 avertissement\n$/);
    const english = spawnCli(args, repoRoot, {
      FORMULARY_LANG: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C.UTF-8',
    });
    expect(english.stdout).toContain('must be less than Q max (0.45 1/Å)');
    expect(english.stdout).toMatch(/\n\d+ errors, 0 warnings\n$/);
  });

  test('a clean multi-file schema exits 0 and prints nothing', async () => {
    const dir = tempProject({ 'sans.schema.json': sans, 'common.json': common });
    const run = spawnCli(['lint', 'sans.schema.json'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  test('stylish output names file:line:col of the mistake, in the file that holds it', async () => {
    const dir = tempProject({
      'sans.schema.json': sans,
      'common.json': {
        ...common,
        definitions: { runList: { type: 'string', 'x-unit': 'run', default: '' } },
      },
    });
    const run = spawnCli(['lint', 'sans.schema.json'], dir);
    expect(run.code).toBe(0); // a warning only
    expect(run.stdout).toMatch(
      /^common\.json:\d+:\d+ warning unknown-keyword unknown keyword "x-unit": did you mean "x-units"\?$/m,
    );
    const line = Number(/^common\.json:(\d+):/m.exec(run.stdout)![1]);
    expect(readFileSync(join(dir, 'common.json'), 'utf8').split('\n')[line - 1]).toContain('"x-unit"');
    expect(run.stdout).toContain('0 errors, 1 warning');
  });

  test('errors exit 1; --max-warnings turns too many warnings into a failure', async () => {
    const fixtures = 'test/fixtures/lint';
    expect((await runCli(['lint', `${fixtures}/default-invalid.schema.json`])).code).toBe(1);
    expect((await runCli(['lint', `${fixtures}/missing-units.schema.json`])).code).toBe(0);
    const strict = await runCli(['lint', '--max-warnings', '0', `${fixtures}/missing-units.schema.json`]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('more than --max-warnings 0');
    expect(
      (await runCli(['lint', '--max-warnings', '1', `${fixtures}/missing-units.schema.json`])).code,
    ).toBe(0);
  });

  test('json output has every field of every diagnostic', async () => {
    const run = await runCli(['lint', '--format', 'json', 'test/fixtures/lint/default-invalid.schema.json']);
    expect(run.code).toBe(1);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        'column',
        'file',
        'line',
        'message',
        'pointer',
        'rule',
        'severity',
      ]);
      expect(row).toMatchObject({
        file: 'test/fixtures/lint/default-invalid.schema.json',
        rule: 'default-invalid',
        severity: 'error',
      });
    }
    expect(rows.map((r) => r.pointer)).toEqual([
      '/properties/binning/default',
      '/properties/numberOfBins/default',
      '/properties/iptsNumber/default',
    ]);
  });

  test('sarif output validates against the SARIF 2.1.0 schema and carries the rules', async () => {
    const run = spawnCli(['lint', '--format', 'sarif', 'test/fixtures/lint/*.schema.json']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'test/fixtures/sarif/sarif-2.1.0-subset.schema.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('formulary');
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; level: string }[];
    expect(results.length).toBeGreaterThan(12);
    for (const r of results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(results.some((r) => r.level === 'warning') && results.some((r) => r.level === 'error')).toBe(true);
  });

  test('the SARIF schema check can fail: a result without a message is rejected', async () => {
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'test/fixtures/sarif/sarif-2.1.0-subset.schema.json'), 'utf8'),
    );
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const bad = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r', level: 'fatal' }] }],
    };
    expect(ajv.validate(schema, bad)).toBe(false);
  });

  test('github output is one workflow command per finding', async () => {
    const run = await runCli([
      'lint',
      '--format',
      'github',
      'test/fixtures/lint/unknown-keyword.schema.json',
    ]);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::.+$/);
    expect(run.stdout).toMatch(
      /::warning file=test\/fixtures\/lint\/unknown-keyword\.schema\.json,line=5,col=\d+,title=unknown-keyword::unknown keyword "x-unit"/,
    );
  });

  test('usage errors exit 2: unknown option, bad format, no files, unmatched glob', async () => {
    for (const args of [
      ['lint', '--nope', 'x.json'],
      ['lint', '--format', 'xml', 'test/fixtures/lint/missing-units.schema.json'],
      ['lint'],
      ['lint', 'no/such/**/*.schema.json'],
      ['lint', '--max-warnings', 'many', 'test/fixtures/lint/missing-units.schema.json'],
      ['frobnicate'],
    ]) {
      // The first through a real process: exit code 2 and stderr as a shell sees them.
      const run = args[1] === '--nope' ? spawnCli(args) : await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  test('a missing referenced file is an unresolved-ref error naming the file', async () => {
    const dir = tempProject({ 'sans.schema.json': sans });
    const run = await runCli(['lint', '--format', 'json', 'sans.schema.json'], dir);
    expect(run.code).toBe(1);
    const [row] = JSON.parse(run.stdout);
    expect(row.rule).toBe('unresolved-ref');
    expect(row.message).toContain('common.json');
  });

  test('past a $ref it cannot resolve, lint still reports the rest of the schema', async () => {
    const broken = {
      ...sans,
      properties: {
        ...sans.properties,
        mask: { $ref: 'masks.json#/definitions/wedge' },
        wavelengthMax: { type: 'number', 'x-units': 'Å', default: 'six' },
      },
    };
    const dir = tempProject({ 'sans.schema.json': broken, 'common.json': { definitions: {} } });
    const run = await runCli(['lint', '--format', 'json', 'sans.schema.json'], dir);
    expect(run.code).toBe(1);
    const rows: { rule: string; message: string; line?: number }[] = JSON.parse(run.stdout);
    const refs = rows.filter((r) => r.rule === 'unresolved-ref').map((r) => r.message);
    // Both broken refs (a missing pointer, a missing file), each once, with a line to go to.
    expect(refs).toHaveLength(2);
    expect(refs.some((m) => m.includes('common.json') && m.includes('#/definitions/runList'))).toBe(true);
    expect(refs.some((m) => m.includes('masks.json'))).toBe(true);
    expect(rows.filter((r) => r.rule === 'unresolved-ref').every((r) => typeof r.line === 'number')).toBe(
      true,
    );
    // And what it found past them.
    expect(rows.some((r) => r.rule === 'default-invalid' && r.message.includes('"six"'))).toBe(true);
  });

  test('an example is not checked against a schema with a $ref it cannot resolve', async () => {
    const dir = tempProject({
      'src/schemas/instruments/sans.schema.json': sans,
      'examples/sans/request.json': { sampleRuns: 'anything at all', numberOfBins: 4 },
    });
    const run = await runCli(['lint', '--format', 'json', 'examples/sans/request.json'], dir);
    expect(run.code).toBe(1);
    const rows: { rule: string; message: string }[] = JSON.parse(run.stdout);
    expect(rows.map((r) => r.rule)).toEqual(['example-invalid']);
    expect(rows[0]?.message).toMatch(/not checked: its schema .*does not load/);
  });

  test('invalid JSON is a load-error with its line', async () => {
    const dir = tempProject({ 'broken.schema.json': '{\n  "type": "object",\n  "properties": {,}\n}\n' });
    const run = await runCli(['lint', 'broken.schema.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/broken\.schema\.json:3:\d+ error load-error/);
  });

  test('--config maps a facility keyword onto ours and configures rules', async () => {
    const facility = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        Qmin: { type: 'number', 'x-units': '1/Å', default: 0.01, below: '1/Qmax' },
        Qmax: { type: 'number', 'x-units': '1/Å', default: 0.5 },
        thickness: { type: 'number', default: 1 },
      },
    };
    const dir = tempProject({
      'f.schema.json': facility,
      'facility.json': { aliases: { 'x-lessThan': 'below' }, lint: { rules: { 'missing-units': 'error' } } },
    });
    const without = await runCli(['lint', '--format', 'json', 'f.schema.json'], dir);
    expect(
      JSON.parse(without.stdout)
        .map((d: { rule: string }) => d.rule)
        .sort(),
    ).toEqual(['missing-units', 'unknown-keyword']);
    const withConfig = await runCli(
      ['lint', '--format', 'json', '--config', 'facility.json', 'f.schema.json'],
      dir,
    );
    const rows = JSON.parse(withConfig.stdout);
    expect(rows.map((d: { rule: string; severity: string }) => `${d.rule} ${d.severity}`)).toEqual([
      'missing-units error',
    ]);
    expect(withConfig.code).toBe(1);
    const bad = tempProject({
      'f.schema.json': facility,
      'c.json': { lint: { rules: { 'no-such-rule': 'off' } } },
    });
    const badRun = await runCli(['lint', '--config', 'c.json', 'f.schema.json'], bad);
    expect(badRun.code).toBe(1);
    expect(badRun.stderr).toMatch(/c\.json:\d+:\d+: invalid config: unknown rule "no-such-rule"/);
    expect((await runCli(['lint', '--config', 'missing.json', 'f.schema.json'], bad)).code).toBe(2);
  });

  test('examples/<id>/ requests are validated against src/schemas/instruments/<id>.schema.json', async () => {
    const schema = {
      ...sans,
      properties: { ...sans.properties, sampleRuns: { type: 'string', default: '' } },
    };
    const dir = tempProject({
      'src/schemas/instruments/sans.schema.json': schema,
      'examples/sans/good.json': { wavelengthMin: 2, wavelengthMax: 5 },
      'examples/sans/bad.json': { wavelengthMin: 7, wavelengthMax: 5 },
      'examples/sans/invalid-range.json': { wavelengthMin: 7, wavelengthMax: 5 },
      'examples/sans/invalid-range.expected.json': [{ pointer: '/wavelengthMin', rule: 'lessThan' }],
      'examples/sans/invalid-wrong.json': { numberOfBins: 0 },
      'examples/sans/invalid-wrong.expected.json': [{ pointer: '/numberOfBins', rule: 'maximum' }],
    });
    const run = await runCli(
      ['lint', '--format', 'json', 'src/schemas/instruments/*.schema.json', 'examples/**/*.json'],
      dir,
    );
    const rows = JSON.parse(run.stdout) as { file: string; rule: string; line: number; message: string }[];
    expect(run.code).toBe(1);
    expect(rows.every((r) => r.rule === 'example-invalid')).toBe(true);
    expect(rows.map((r) => r.file).sort()).toEqual([
      'examples/sans/bad.json',
      'examples/sans/invalid-wrong.json',
      'examples/sans/invalid-wrong.json',
    ]);
    expect(rows.find((r) => r.file === 'examples/sans/bad.json')!.line).toBe(2);
    const messages = rows.map((r) => r.message).join('\n');
    expect(messages).toContain('expected the error /numberOfBins (maximum), which did not occur');
    expect(messages).toContain('unexpected error /numberOfBins');
  });

  test('--help and --rules', async () => {
    const help = await runCli(['lint', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format stylish|json|sarif|github');
    const rules = await runCli(['lint', '--rules']);
    expect(rules.code).toBe(0);
    for (const id of ['schema-valid', 'unsafe-pattern', 'example-invalid'])
      expect(rules.stdout).toContain(id);
  });

  test('the shipped schemas and examples lint clean (npm run lint:schemas)', async () => {
    const run = spawnCli([
      'lint',
      '--max-warnings',
      '0',
      'src/schemas/instruments/**/*.schema.json',
      'examples/**/*.json',
    ]);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});
