/**
 * The preview session on real files and real file watching: a save of the schema, of a file it $refs
 * or of the config brings a new state; a broken file keeps the last good schema and names the place;
 * a file newly $ref-ed is watched from then on. Lint findings carry the field they are about.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createPreviewSession, type PreviewSession } from '../../../src/cli/preview/createPreviewSession';
import type { PreviewState } from '../../../src/cli/preview/PreviewState';
import { tempProject } from '../runCli';

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    sample: { $ref: 'parts.json#/definitions/sample' },
    thickness: { type: 'number', 'x-units': 'cm', default: 0.1 },
  },
};
const parts = {
  definitions: {
    sample: {
      type: 'object',
      properties: { name: { type: 'string', default: '' }, wavelength: { type: 'number', default: 6 } },
    },
  },
};

let session: PreviewSession | undefined;
const dirs: string[] = [];
afterEach(() => {
  session?.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the first state after now that `accept`s (by default: a complete one, linted). */
function next(
  s: PreviewSession,
  accept: (state: PreviewState) => boolean = (state) => !state.linting,
): Promise<PreviewState> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('no reload within 5 s')), 5_000);
    const stop = s.subscribe((state) => {
      if (!accept(state)) return;
      clearTimeout(timer);
      stop();
      done(state);
    });
  });
}

async function open(files: Record<string, unknown>) {
  const dir = tempProject(files);
  dirs.push(dir);
  session = await createPreviewSession({ schemaPath: 'main.schema.json', cwd: dir });
  return { dir, session };
}

describe('createPreviewSession', { timeout: 30_000 }, () => {
  test('the first state: the bundled schema, the watched files, findings with their field', async () => {
    const { dir, session } = await open({ 'main.schema.json': schema, 'parts.json': parts });
    const state = session.current();
    expect(state.revision).toBe(1);
    expect(state.problems).toEqual([]);
    expect(state.schema?.dialect).toBe('draft-07');
    expect(state.watching).toEqual(['main.schema.json', 'formulary.config.json', 'parts.json']);
    // wavelength has no x-units: the finding is in parts.json and is about the field /sample/wavelength.
    const units = state.diagnostics.find((d) => d.rule === 'missing-units');
    const line = readFileSync(join(dir, 'parts.json'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('"wavelength"'));
    expect(units).toMatchObject({ file: 'parts.json', line: line + 1, field: '/sample/wavelength' });
  });

  test('a save of a $ref-ed file reloads; a broken one keeps the last good schema and names file:line:col', async () => {
    const { dir, session } = await open({ 'main.schema.json': schema, 'parts.json': parts });
    const good = session.current().schema;
    const changed = structuredClone(parts);
    (changed.definitions.sample.properties.name as Record<string, unknown>).title = 'Sample name';
    const before = session.current();
    const early = next(session, () => true);
    const reloaded = next(session);
    writeFileSync(join(dir, 'parts.json'), JSON.stringify(changed, null, 2));
    // The new schema is sent first, marked as being linted, with the findings of the save before it;
    // the findings follow in a second state that keeps the schema's revision (no second form).
    const first = await early;
    expect(first).toMatchObject({ revision: 2, schemaRevision: 2, linting: true, problems: [] });
    expect(JSON.stringify(first.schema)).toContain('Sample name');
    expect(first.diagnostics).toEqual(before.diagnostics);
    const state = await reloaded;
    expect(state).toMatchObject({ revision: 3, schemaRevision: 2 });
    expect(state.linting).toBeUndefined();
    expect(state.schema).toEqual(first.schema);
    expect(state.diagnostics.some((d) => d.rule === 'missing-units')).toBe(true);

    const broken = next(session);
    writeFileSync(
      join(dir, 'parts.json'),
      '{\n  "definitions": {\n    "sample": { "type": "object", }\n  }\n}\n',
    );
    const bad = await broken;
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatchObject({ file: 'parts.json', line: 3, rule: 'load-error' });
    expect(bad.problems[0]!.message).toMatch(/^parts\.json is not valid JSON/); // named as beside the line
    expect(bad.schemaRevision).toBe(state.schemaRevision); // the last good schema stays
    expect(bad.schema).toEqual(state.schema);
    expect(bad.schema).not.toEqual(good);

    const fixed = next(session);
    writeFileSync(join(dir, 'parts.json'), JSON.stringify(parts, null, 2));
    const again = await fixed;
    expect(again.problems).toEqual([]);
    expect(again.schemaRevision).toBe(again.revision - 1); // sent one state earlier, before the lint
  });

  test('a $ref to a missing file is a problem at the $ref; creating the file loads the schema', async () => {
    const { dir, session } = await open({ 'main.schema.json': schema, 'parts.json': parts });
    const withMore = {
      ...schema,
      properties: { ...schema.properties, more: { $ref: 'more.json#/definitions/more' } },
    };
    const missing = next(session);
    writeFileSync(join(dir, 'main.schema.json'), JSON.stringify(withMore, null, 2));
    const state = await missing;
    expect(state.problems[0]).toMatchObject({ file: 'main.schema.json', rule: 'unresolved-ref' });
    expect(state.schemaRevision).toBe(1);

    const loaded = next(session, (s) => s.problems.length === 0);
    writeFileSync(
      join(dir, 'more.json'),
      JSON.stringify({ definitions: { more: { type: 'string', default: '' } } }),
    );
    const fixed = await loaded;
    expect(fixed.watching).toContain('more.json');
    expect(JSON.stringify(fixed.schema)).toContain('more');
  });

  test('formulary.config.json is watched: a rule turned off leaves the findings; a bad value names its line', async () => {
    const { dir, session } = await open({ 'main.schema.json': schema, 'parts.json': parts });
    expect(session.current().diagnostics.some((d) => d.rule === 'missing-units')).toBe(true);
    const off = next(session);
    writeFileSync(join(dir, 'formulary.config.json'), '{ "lint": { "rules": { "missing-units": "off" } } }');
    expect((await off).diagnostics.some((d) => d.rule === 'missing-units')).toBe(false);
    const bad = next(session);
    writeFileSync(
      join(dir, 'formulary.config.json'),
      '{\n  "lint": { "rules": { "missing-units": "of" } }\n}',
    );
    const state = await bad;
    expect(state.problems[0]).toMatchObject({ file: 'formulary.config.json', line: 2, rule: 'config-error' });
    expect(state.schema).toBeDefined();
  });

  test('a schema broken from the start: no schema, its problem located; fixing it brings the first schema', async () => {
    const { dir, session } = await open({
      'main.schema.json': '{\n  "type": "object",\n  "properties": {\n}\n',
    });
    const state = session.current();
    expect(state.schema).toBeUndefined();
    expect(state.schemaRevision).toBe(0);
    expect(state.problems[0]).toMatchObject({ file: 'main.schema.json', rule: 'load-error' });
    expect(state.problems[0]!.line).toBeGreaterThan(1);
    writeFileSync(join(dir, 'parts.json'), JSON.stringify(parts));
    const loading = next(session, (s) => s.problems.length === 0);
    writeFileSync(join(dir, 'main.schema.json'), JSON.stringify(schema));
    const loaded = await loading;
    expect(loaded.schema?.dialect).toBe('draft-07');
  });
});
