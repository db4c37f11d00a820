/**
 * Run lists and number lists kept as text: text the schema's pattern lets through but the parser
 * refuses (a backwards range, a range over the run limit) is an error in validate and validateField,
 * in list rows too, with the parser's message and no second message where the pattern already failed.
 */
import { describe, expect, test } from 'vitest';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { createValidator } from '../../../src/schemas/validate/createValidator';

const runPattern = '^[0-9 ,;:-]*$';
const model = buildFieldModel({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    sampleRuns: { type: 'string', pattern: runPattern, 'x-input': 'run-list' },
    wedgeAngles: { type: 'string', 'x-input': 'number-list' },
    scans: {
      type: 'array',
      items: {
        type: 'object',
        properties: { run: { type: 'string', pattern: runPattern, 'x-input': 'run-list' } },
      },
    },
  },
});
const validator = createValidator(model);

describe('list text checked by the parsers', () => {
  test('a backwards range passes the pattern but not validation', () => {
    const errors = validator.validate({ sampleRuns: '142012-142000', wedgeAngles: '-30, 60', scans: [] });
    expect(errors).toEqual([
      { pointer: '/sampleRuns', rule: 'runList', message: expect.stringContaining('runs backwards') },
    ]);
  });

  test('well-formed lists and empty text are accepted', () => {
    expect(
      validator.validate({ sampleRuns: '12345-12350, 12360', wedgeAngles: '', scans: [{ run: '1' }] }),
    ).toEqual([]);
  });

  test('list rows are checked at their own pointer; over-limit ranges give the limit', () => {
    const errors = validator.validate({ scans: [{ run: '100' }, { run: '1-50000' }] });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ pointer: '/scans/1/run', rule: 'runList' });
    expect(errors[0]?.message).toContain('10000');
  });

  test('number-list text that is not numbers names the entry', () => {
    const errors = validator.validate({ wedgeAngles: '-30, abc' });
    expect(errors).toEqual([
      { pointer: '/wedgeAngles', rule: 'numberList', message: expect.stringContaining('abc') },
    ]);
  });

  test('text the pattern refuses gets the pattern message only', () => {
    const errors = validator.validate({ sampleRuns: 'run 5' });
    expect(errors.map((e) => e.rule)).toEqual(['pattern']);
  });

  test('validateField gives the same message as the whole-request check', () => {
    const field = validator.validateField('/sampleRuns', '142012-142000', {});
    const whole = validator.validate({ sampleRuns: '142012-142000' });
    expect(field).toEqual(whole);
  });
});
