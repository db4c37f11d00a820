/**
 * Consumer 1: a facility's CI runs `npx formulary` from the installed tarball, with no devDependency of
 * ours present (no tsx, no TypeScript, no React). The README's CLI block runs line by line on the
 * shipped EQSANS schema (two files) and a shipped example; a broken schema and an invalid request must
 * fail with exit 1 and messages naming file, line and rule.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { buildFieldModel, defaultsOf, loadSchema } from '../../src/schemas/index';
import { addFacilityFiles } from './facilityFiles';
import { commandLines, readmeSnippet } from './readmeSnippet';
import { consumerEnv, runProcess } from './runProcess';

const { node: project } = inject('packageProjects');
const shipped = join(project, 'node_modules/formulary');
// npx must find the installed bin and never ask the registry.
const env = consumerEnv({ npm_config_offline: 'true' });

function shell(line: string) {
  return runProcess('sh', ['-c', line], { cwd: project, env, timeoutMs: 60_000 });
}

/** The installed command, as npx runs it (the README's block goes through npx itself). */
function formulary(...args: string[]) {
  return runProcess(join(project, 'node_modules/.bin/formulary'), args, {
    cwd: project,
    env,
    timeoutMs: 60_000,
  });
}

beforeAll(() => addFacilityFiles(project));

describe('the formulary command from the installed package', () => {
  test('no devDependency is installed beside it: no tsx, TypeScript, React or Vite', () => {
    expect(existsSync(join(shipped, 'dist/cli/main.js'))).toBe(true);
    for (const name of ['tsx', 'typescript', 'react', 'react-dom', 'vite', 'vitest', '@rjsf/core'])
      expect(existsSync(join(project, 'node_modules', name)), name).toBe(false);
  });

  test("the README's CI block runs as written", async () => {
    const lines = commandLines(readmeSnippet('cli'));
    expect(lines[0]).toBe('npm install --save-dev formulary');
    // The install is what the setup did, from the tarball, offline; every other line runs here.
    const results = [];
    for (const line of lines.slice(1)) {
      const result = await shell(line);
      expect(result.code, `${line}\n${result.stdout}${result.stderr}`).toBe(0);
      expect(result.stderr).toBe('');
      results.push({ line, ...result });
    }
    const [lint, validate, , inspect] = results;
    expect(lint!.stdout).toBe(''); // like eslint: silent when clean
    expect(validate!.stdout.trim()).toBe('requests/eqsans-run.json: valid');
    const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
    const defaults = JSON.parse(readFileSync(join(project, 'requests/eqsans-defaults.json'), 'utf8'));
    expect(defaults).toEqual(defaultsOf(model));
    expect(inspect!.stdout).toMatch(/schemas\/eqsans\.schema\.json \(draft-07\)/);
    expect(inspect!.stdout).toMatch(new RegExp(`fields\\s+${model.fields.length}\\b`));
  });

  test('a broken schema: lint exits 1 naming file:line:col and the rule of each error', async () => {
    mkdirSync(join(project, 'broken'), { recursive: true });
    writeFileSync(
      join(project, 'broken/broken.schema.json'),
      `{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "properties": {
    "runNumber": { "type": "integr", "title": "Run number" },
    "sample": { "$ref": "missing.json#/definitions/sample" }
  }
}
`,
    );
    const result = await formulary('lint', 'broken/broken.schema.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /broken\/broken\.schema\.json:5:20 error schema-valid .*"integr".*"integer"/,
    );
    expect(result.stdout).toMatch(/broken\/broken\.schema\.json:6:\d+ error unresolved-ref .*missing\.json/);
    expect(result.stdout).toMatch(/2 errors, 0 warnings/);
    const inspected = await formulary('inspect', 'broken/broken.schema.json');
    expect(inspected.code).toBe(1);
    expect(inspected.stdout + inspected.stderr).toMatch(/missing\.json/);
  });

  test('lint checks example requests: an invalid one must fail exactly as its .expected.json says', async () => {
    const shippedExamples = await formulary(
      'lint',
      '--max-warnings',
      '0',
      'node_modules/formulary/examples/**/*.json',
    );
    expect(shippedExamples.code, shippedExamples.stdout + shippedExamples.stderr).toBe(0);
    // A facility's own examples folder: the schema beside it, one expected error left out.
    const dir = join(project, 'facility/examples');
    mkdirSync(join(dir, 'eqsans'), { recursive: true });
    for (const file of ['eqsans.schema.json', 'common.json'])
      cpSync(join(shipped, 'src/schemas/instruments', file), join(dir, file));
    const name = 'invalid-qrange-slicing-limits';
    cpSync(join(shipped, `examples/eqsans/${name}.json`), join(dir, `eqsans/${name}.json`));
    const expected = JSON.parse(readFileSync(join(shipped, `examples/eqsans/${name}.expected.json`), 'utf8'));
    writeFileSync(join(dir, `eqsans/${name}.expected.json`), JSON.stringify(expected.slice(1)));
    const result = await formulary('lint', 'facility/examples/**/*.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`facility/examples/eqsans/${name}\\.json:\\d+:\\d+ error`));
    expect(result.stdout).toContain(expected[0].pointer);
  });

  test('an invalid request: validate exits 1 with the expected rule at each pointer', async () => {
    const example = 'node_modules/formulary/examples/eqsans/invalid-qrange-slicing-limits.json';
    const expected = JSON.parse(
      readFileSync(join(shipped, 'examples/eqsans/invalid-qrange-slicing-limits.expected.json'), 'utf8'),
    ) as { pointer: string; rule: string }[];
    const result = await formulary('validate', 'schemas/eqsans.schema.json', example);
    expect(result.code).toBe(1);
    for (const { pointer, rule } of expected)
      expect(result.stdout).toMatch(new RegExp(`${example}:\\d+:\\d+ error ${rule} ${pointer}: `));
    expect(result.stdout).toMatch(new RegExp(`${expected.length} errors, 0 warnings`));
  });

  test('serve without the SQLite driver (an optional peer) says which package to install', async () => {
    expect(existsSync(join(project, 'node_modules/better-sqlite3'))).toBe(false);
    const result = await formulary('serve', '--port', '0', '--db', join(project, 'data/x.sqlite'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/better-sqlite3 package is not installed: npm install better-sqlite3@12/);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test('a usage error exits 2 and prints the usage', async () => {
    const result = await formulary('validate');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/formulary validate: /);
  });
});
