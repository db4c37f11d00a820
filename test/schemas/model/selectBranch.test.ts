/**
 * selectBranch is the one rule for which branch of a choice a value is in. The form imports with it,
 * and the validator explains errors with it: they used to differ when there was no discriminator,
 * and a scientist was told a field of the branch they had chosen was "not a field of this form".
 */
import { describe, expect, test } from 'vitest';
import {
  buildFieldModel,
  type ChoiceNode,
  createValidator,
  loadSchema,
  selectBranch,
} from '../../../src/schemas/index';

async function jobChoice(schema: Record<string, unknown>) {
  const model = buildFieldModel(await loadSchema(schema));
  const job = model.byPointer.get('/job') as ChoiceNode;
  return { model, job };
}

const noDiscriminator = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    job: {
      oneOf: [
        {
          title: 'Average',
          type: 'object',
          required: ['runs'],
          properties: { runs: { type: 'string' }, weighting: { enum: ['equal', 'inverse variance'] } },
          additionalProperties: false,
        },
        {
          title: 'Separate',
          type: 'object',
          required: ['runs'],
          properties: { runs: { type: 'string' }, outputPrefix: { type: 'string', maxLength: 5 } },
          additionalProperties: false,
        },
      ],
    },
  },
};

describe('selectBranch', () => {
  test('without a discriminator: the branch that knows most of the keys, the default on a tie', async () => {
    const { job } = await jobChoice(noDiscriminator);
    const [average, separate] = job.branches.map((b) => b.id);
    expect(selectBranch(job, { runs: '1', outputPrefix: 'a' })).toBe(separate);
    expect(selectBranch(job, { runs: '1', weighting: 'equal' })).toBe(average);
    expect(selectBranch(job, { runs: '1' })).toBe(job.defaultBranch);
    expect(selectBranch(job, {})).toBe(job.defaultBranch);
    expect(selectBranch(job, 'not an object')).toBe(job.defaultBranch);
  });

  test('with a discriminator: its value decides, compared as JSON', async () => {
    const { job } = await jobChoice({
      type: 'object',
      properties: {
        job: {
          oneOf: [
            {
              type: 'object',
              properties: { mode: { const: { kind: 'average' } }, runs: { type: 'string' } },
            },
            {
              type: 'object',
              properties: { mode: { const: { kind: 'separate' } }, prefix: { type: 'string' } },
            },
          ],
          discriminator: { propertyName: 'mode' },
        },
      },
    });
    expect(job.discriminator).toBe('mode');
    const second = job.branches[1]!.id;
    // The keys would pick the first branch; the discriminator says the second.
    expect(selectBranch(job, { mode: { kind: 'separate' }, runs: 'x' })).toBe(second);
  });

  test('the validator explains a failed oneOf against the branch the value is in', async () => {
    const { model } = await jobChoice(noDiscriminator);
    const errors = createValidator(model).validate({ job: { runs: '1', outputPrefix: 'toolongprefix' } });
    expect(errors).toEqual([
      { pointer: '/job/outputPrefix', rule: 'maxLength', message: 'must be at most 5 characters' },
    ]);
  });
});
