/**
 * Fuzz property 1, the CLI's part: `formulary lint` on random schema files (and on texts that are not
 * JSON, or JSON that is not a schema) never crashes: exit 0, 1 or 2 only, every file named in the
 * report, and no stack trace. One real process lints the whole batch (a process per schema would
 * spend the budget on start-up).
 */
import { basename } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { spawnCli, tempProject } from '../cli/runCli';
import { budget, timeoutFor } from './fuzzBudget';
import { schemaArbitrary } from './schemaArbitrary';

/** Texts a broken editor or a bad merge leaves in a schema file. */
const brokenText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '{',
    '[]',
    'null',
    '"text"',
    '{"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}',
    '{"$schema": "http://example.com/unknown"}',
  ),
  schemaArbitrary('2020-12', 2, 3).map((s) => JSON.stringify(s).slice(0, -3)),
);

test(
  'formulary lint survives a batch of random and broken schema files',
  () => {
    const runs = budget(40).numRuns ?? 40;
    const schemas = fc.sample(fc.oneof(schemaArbitrary('draft-07'), schemaArbitrary('2020-12')), {
      numRuns: runs,
      seed: budget(0).seed,
    });
    const broken = fc.sample(brokenText, { numRuns: Math.ceil(runs / 4), seed: budget(0).seed });
    const files: Record<string, unknown> = {};
    schemas.forEach((schema, i) => {
      files[`random-${i}.schema.json`] = JSON.stringify(schema, null, 2);
    });
    broken.forEach((text, i) => {
      files[`broken-${i}.schema.json`] = text;
    });
    // Batches of 100 files: a long run must not meet spawnCli's per-process time limit.
    const names = Object.keys(files);
    for (let start = 0; start < names.length; start += 100) {
      const batch = Object.fromEntries(names.slice(start, start + 100).map((name) => [name, files[name]]));
      const result = spawnCli(['lint', '--format', 'json', '*.schema.json'], tempProject(batch));
      expect([0, 1, 2], result.stderr).toContain(result.code);
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      const text = JSON.stringify(JSON.parse(result.stdout));
      for (const name of Object.keys(batch))
        expect(text, `${name} missing from the report`).toContain(basename(name));
    }
  },
  timeoutFor(40, 1000),
);
