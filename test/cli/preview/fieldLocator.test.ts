/**
 * fieldLocator: a lint finding's file and pointer lead to the field the preview focuses. The deepest
 * node written above the finding wins; a shared fragment belongs to its first user; a section is
 * reached through its first field; a list row's field through its list.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fieldLocator } from '../../../src/cli/preview/fieldLocator';
import { buildFieldModel, loadSchema } from '../../../src/schemas/index';
import { tempProject } from '../runCli';

test('findings map to the fields they are about', async () => {
  const dir = tempProject({
    'main.schema.json': {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        sample: {
          type: 'object',
          title: 'Sample',
          properties: { name: { type: 'string' }, thickness: { $ref: 'parts.json#/definitions/length' } },
        },
        slit: { $ref: 'parts.json#/definitions/length' },
        scans: { type: 'array', items: { type: 'object', properties: { run: { type: 'integer' } } } },
      },
    },
    'parts.json': { definitions: { length: { type: 'number', title: 'Length' } } },
  });
  try {
    const main = join(dir, 'main.schema.json');
    const parts = join(dir, 'parts.json');
    const loaded = await loadSchema(main);
    const locate = fieldLocator(loaded, buildFieldModel(loaded));
    expect(locate(main, '/properties/sample/properties/name/type')).toBe('/sample/name');
    expect(locate(main, '/properties/sample/title')).toBe('/sample/name');
    expect(locate(main, '/properties/scans/items/properties/run')).toBe('/scans');
    expect(locate(parts, '/definitions/length/title')).toBe('/sample/thickness');
    expect(locate(main, '/definitions')).toBeUndefined();
    expect(locate(parts, '/properties/sample')).toBeUndefined();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
