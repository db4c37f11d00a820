/**
 * What the author playground starts with: a small two-file schema (the entry refs a shared file) with
 * one deliberate lint finding, so a new author sees every panel working at once.
 */
import type { PlaygroundFile } from './analyseFiles';

const main = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Small-angle scattering (playground)',
  type: 'object',
  properties: {
    iptsNumber: { $ref: 'common.json#/definitions/iptsNumber' },
    runNumber: { $ref: 'common.json#/definitions/runList', title: 'Sample runs' },
    sampleName: { type: 'string', title: 'Sample name', default: '' },
    wavelength: {
      type: 'number',
      minimum: 0.5,
      maximum: 20,
      default: 6,
      description: 'Incident wavelength (this field has no x-units: see the diagnostics).',
    },
    normalisation: { type: 'string', enum: ['monitor', 'time', 'none'], default: 'monitor' },
  },
  required: ['iptsNumber', 'runNumber'],
  additionalProperties: false,
};

const common = {
  definitions: {
    iptsNumber: {
      type: 'integer',
      minimum: 1,
      title: 'IPTS',
      description: 'Proposal the data belongs to.',
    },
    runList: {
      type: 'string',
      'x-input': 'run-list',
      default: '',
      'x-placeholder': '12345-12350, 12360',
    },
  },
};

export const initialFiles: readonly PlaygroundFile[] = [
  { name: 'sans.schema.json', text: `${JSON.stringify(main, null, 2)}\n` },
  { name: 'common.json', text: `${JSON.stringify(common, null, 2)}\n` },
];
