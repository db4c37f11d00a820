/**
 * Consumer 2: a facility's Node backend (plain Node ESM, no bundler, no React installed) runs the
 * README's validate.mjs: it imports formulary/schemas from the installed package, loads the two-file
 * EQSANS schema by path and validates a good and a bad request. The messages it prints must be the
 * ones the form shows: those of this repository's validator for the same request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { buildFieldModel, createValidator, loadSchema } from '../../src/schemas/index';
import { addFacilityFiles, invalidRequest, validRequest } from './facilityFiles';
import { commandLines, readmeSnippet } from './readmeSnippet';
import { runProcess } from './runProcess';

const { node: project } = inject('packageProjects');

beforeAll(() => {
  addFacilityFiles(project);
  writeFileSync(join(project, 'validate.mjs'), readmeSnippet('validate.mjs'));
});

describe('formulary/schemas in plain Node', () => {
  test("the README's command: a valid request prints valid and exits 0", async () => {
    const [readmeCommand] = commandLines(readmeSnippet('validate-command'));
    expect(readmeCommand).toBe(`node validate.mjs ${validRequest}`);
    const result = await runProcess('sh', ['-c', readmeCommand ?? ''], { cwd: project });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${validRequest}: valid\n`);
  });

  test('a bad request: exit 1 and every error with the messages the form shows', async () => {
    const result = await runProcess('node', ['validate.mjs', validRequest, invalidRequest], { cwd: project });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
    const request = JSON.parse(readFileSync('examples/eqsans/invalid-qrange-slicing-limits.json', 'utf8'));
    const errors = createValidator(model).validate(request);
    expect(errors.length).toBe(5);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      `${validRequest}: valid`,
      ...errors.map((e) => `${invalidRequest}: ${e.pointer}: ${e.message} (${e.rule})`),
    ]);
  });

  test('every Node-safe entry point loads without a bundler; React is not installed', async () => {
    const script = `
      const schemas = await import('formulary/schemas');
      const sorted = await import('formulary/sorted');
      const list = new sorted.SortedList([3, 1, 2]);
      console.log(typeof schemas.loadSchema, typeof schemas.createValidator, [...list].join(','));
      await import('formulary').then(() => console.log('react entry loaded'), (e) => console.log(e.code));
    `;
    const result = await runProcess('node', ['--input-type=module', '-e', script], { cwd: project });
    expect(result.stderr).toBe('');
    // The React entry needs the app's React (an optional peer): here it is absent, and says so.
    expect(result.stdout).toBe('function function 1,2,3\nERR_MODULE_NOT_FOUND\n');
  });
});
