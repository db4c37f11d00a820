/** A small FieldModel for the search tests: sections, an advanced part, a choice with branches, a list. */
import { buildFieldModel, type FieldModel } from '../../../src/schemas/index';

export const searchSchema = {
  type: 'object',
  properties: {
    binning: {
      type: 'object',
      title: 'Binning',
      properties: {
        Qmin: { type: 'number', title: 'Q min', 'x-units': '1/Å', description: 'Lowest momentum transfer' },
        LogQBinsPerDecade: { type: 'integer', description: 'Logarithmic binning density' },
        numQBins: { type: 'integer', title: 'Number of Q bins' },
        binType: {
          type: 'string',
          title: 'Bin type',
          oneOf: [
            { const: 'lin', title: 'Linear' },
            { const: 'log', title: 'Logarithmic' },
          ],
        },
        qmaxCutoff: { type: 'number', title: 'Q max cutoff', 'x-advanced': true, 'x-units': '1/Å' },
      },
    },
    sample: {
      type: 'object',
      title: 'Sample',
      properties: {
        thickness: {
          type: 'number',
          title: 'Thickness',
          'x-units': 'cm',
          description: 'Sample thickness in the beam',
        },
        temperature: { type: 'number', title: 'Température', 'x-units': 'K' },
      },
    },
    job: {
      title: 'Job',
      oneOf: [
        {
          title: 'Averaged',
          type: 'object',
          properties: { kind: { const: 'avg' }, weighting: { type: 'string', title: 'Weighting' } },
        },
        {
          title: 'Separate',
          type: 'object',
          properties: { kind: { const: 'each' }, suffix: { type: 'string', title: 'Output suffix' } },
        },
      ],
    },
    scans: {
      type: 'array',
      title: 'Scans',
      items: { type: 'object', properties: { run: { type: 'integer', title: 'Run number' } } },
    },
  },
} as const;

export function searchModel(): FieldModel {
  return buildFieldModel(searchSchema);
}
