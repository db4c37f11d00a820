/**
 * `format` follows each dialect: an annotation in 2019-09 and 2020-12, asserted in draft-07 unless
 * formulary.config.json says "annotate" (a facility whose backend never checks formats gets a form that
 * agrees with it). Whole-request validation and the per-keystroke check agree.
 */
import { describe, expect, test } from 'vitest';
import { checkConfig } from '../../../src/schemas/load/loadConfig';
import { loadSchema } from '../../../src/schemas/load/loadSchema';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { createValidator } from '../../../src/schemas/validate/createValidator';

const contact = (schemaUri: string) => ({
  $schema: schemaUri,
  type: 'object',
  properties: { email: { type: 'string', format: 'email' }, when: { type: 'string', format: 'date' } },
});
const bad = { email: 'not an address', when: '31/12/2026' };

async function errorsOf(schema: object, options: Parameters<typeof loadSchema>[1] = {}) {
  const model = buildFieldModel(await loadSchema(schema, options));
  const validator = createValidator(model);
  return {
    whole: validator.validate(bad),
    field: validator.validateField('/email', bad.email, bad),
    formats: model.formats,
  };
}

describe('format per dialect', () => {
  test('2020-12 and 2019-09: format is an annotation; a value of another form is accepted', async () => {
    for (const uri of [
      'https://json-schema.org/draft/2020-12/schema',
      'https://json-schema.org/draft/2019-09/schema',
    ]) {
      const { whole, field, formats } = await errorsOf(contact(uri));
      expect(formats).toBe('annotate');
      expect(whole).toEqual([]);
      expect(field).toEqual([]);
    }
  });

  test('draft-07 asserts format by default, naming each field', async () => {
    const { whole, field, formats } = await errorsOf(contact('http://json-schema.org/draft-07/schema#'));
    expect(formats).toBe('assert');
    expect(whole.map((e) => e.pointer).sort()).toEqual(['/email', '/when']);
    expect(field).toEqual([{ pointer: '/email', rule: 'format', message: 'must be a valid e-mail address' }]);
  });

  test('draft-07 with "formats": "annotate" in the config accepts them', async () => {
    const config = checkConfig({ formats: 'annotate' });
    const { whole, field, formats } = await errorsOf(
      contact('http://json-schema.org/draft-07/schema#'),
      config,
    );
    expect(formats).toBe('annotate');
    expect(whole).toEqual([]);
    expect(field).toEqual([]);
  });

  test('the config refuses any other value, naming the field', () => {
    expect(() => checkConfig({ formats: 'sometimes' })).toThrow(/"formats" must be "assert" or "annotate"/);
    expect(checkConfig({ formats: 'assert' })).toEqual({ formats: 'assert' });
  });
});
