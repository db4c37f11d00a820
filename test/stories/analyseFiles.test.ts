/**
 * The author playground's pipeline without a browser: refs between in-memory files resolve, lint
 * findings name the file from the list at the line the author wrote, and failures are diagnostics.
 */
import { describe, expect, test } from 'vitest';
import { analyseFiles } from '../../stories/playground/analyseFiles';
import { initialFiles } from '../../stories/playground/initialFiles';

describe('analyseFiles', () => {
  test('the example: common.json refs resolve, the form has its fields, missing-units points at wavelength', async () => {
    const result = await analyseFiles(initialFiles);
    expect(result.model?.fields.map((f) => f.pointer)).toEqual([
      '/iptsNumber',
      '/runNumber',
      '/sampleName',
      '/wavelength',
      '/normalisation',
    ]);
    expect(result.model?.byPointer.get('/runNumber')).toMatchObject({ kind: 'runList' });
    const units = result.diagnostics.find((d) => d.rule === 'missing-units');
    const lines = initialFiles[0]!.text.split('\n');
    expect(units?.file).toBe('sans.schema.json');
    expect(lines[(units?.line ?? 0) - 1]).toContain('"wavelength"');
  });

  test('a ref to a file not in the list is an error naming it, with no form', async () => {
    const files = [
      {
        name: 'main.schema.json',
        text: '{\n  "type": "object",\n  "properties": {\n    "a": { "$ref": "shared.json#/definitions/a" }\n  }\n}\n',
      },
    ];
    const result = await analyseFiles(files);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: 'main.schema.json' });
    expect(result.diagnostics[0]!.message).toContain('shared.json');
  });

  test('every broken ref is listed with what else is wrong, as the CLI does, and no form is shown', async () => {
    const files = [
      {
        name: 'main.schema.json',
        text: JSON.stringify(
          {
            type: 'object',
            properties: {
              a: { $ref: 'shared.json#/definitions/a' },
              b: { $ref: '#/definitions/missing' },
              c: { type: 'number', minimun: 0 },
            },
          },
          null,
          2,
        ),
      },
    ];
    const result = await analyseFiles(files);
    expect(result.model).toBeUndefined();
    const rules = result.diagnostics.map((d) => d.rule);
    expect(rules.filter((r) => r === 'unresolved-ref')).toHaveLength(2);
    expect(rules).toContain('unknown-keyword');
    expect(result.diagnostics.every((d) => d.file === 'main.schema.json' && d.line !== undefined)).toBe(true);
  });

  test('invalid JSON in a referenced file is located in that file', async () => {
    const files = [
      initialFiles[0]!,
      { name: 'common.json', text: '{\n  "definitions": {\n    "iptsNumber": {,\n' },
    ];
    const result = await analyseFiles(files);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: 'common.json', line: 3 });
  });
});
