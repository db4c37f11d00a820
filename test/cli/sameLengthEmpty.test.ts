/**
 * Issue 33, case 5: x-sameLength compares only lists that are set (docs/vocabulary.md), so POWGEN's
 * D min "0.3, 0.5" with D max left at its default [] is a valid request, in the CLI (a real process on
 * the shipped schema) as in the validator the form uses; two set lists of different lengths still fail.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFieldModel, createValidator, loadSchema } from '../../src/schemas/index';
import { repoRoot, spawnCli, tempProject } from './runCli';

const powder = 'src/schemas/instruments/powder.schema.json';
const example = () =>
  JSON.parse(readFileSync(join(repoRoot, 'examples/powder/average-silicon-standard.json'), 'utf8'));
const withBinning = (dMin: number[], dMax: number[]) => {
  const request = example();
  request.binning = { ...request.binning, DMin: dMin, DMax: dMax };
  return request;
};

describe('x-sameLength with an empty list', { timeout: 120_000 }, () => {
  test('the validator does not count D max [] against D min [0.3, 0.5]', async () => {
    const validator = createValidator(buildFieldModel(await loadSchema(join(repoRoot, powder))));
    const rule = (request: unknown) => validator.validate(request).filter((e) => e.rule === 'sameLength');
    expect(rule(withBinning([0.3, 0.5], []))).toEqual([]);
    expect(rule(withBinning([0.3, 0.5], [2]))[0]?.message).toBe(
      'must have as many values as D min (2, not 1)',
    );
  });

  test('formulary validate accepts it (a real process on the shipped schema)', () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'empty.json'), JSON.stringify(withBinning([0.3, 0.5], [])));
    writeFileSync(join(dir, 'short.json'), JSON.stringify(withBinning([0.3, 0.5], [2])));
    const ok = spawnCli(['validate', join(repoRoot, powder), 'empty.json'], dir);
    expect(ok.stdout + ok.stderr).not.toContain('as many values');
    expect(ok.code).toBe(0);
    const short = spawnCli(['validate', join(repoRoot, powder), 'short.json'], dir);
    expect(short.code).toBe(1);
    expect(short.stdout).toContain('must have as many values as D min (2, not 1)');
  });
});
