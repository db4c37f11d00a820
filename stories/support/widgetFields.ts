/**
 * One realistic field per registry widget, with a default value and a changed value, for the widget
 * stories. Hand-built FieldNodes (the FieldModel contract) so each story shows exactly one widget.
 */
import type { FieldNode } from '../../src/schemas/index';

function field(overrides: Partial<FieldNode> & Pick<FieldNode, 'kind' | 'key' | 'label'>): FieldNode {
  return {
    type: 'field',
    pointer: `/${overrides.key}`,
    advanced: false,
    order: 0,
    schemaIndex: 0,
    required: true,
    readOnly: false,
    conditionIds: [],
    location: { schemaPointer: `#/properties/${overrides.key}` },
    hints: {},
    coercion: 'none',
    nullable: false,
    hasDefault: 'default' in overrides,
    ruleIds: [],
    ...overrides,
  };
}

export interface WidgetExample {
  readonly field: FieldNode;
  readonly value: unknown;
  readonly changedValue: unknown;
}

/** Registry widget name -> its example field. */
export const widgetExamples: Readonly<Record<string, WidgetExample>> = {
  text: {
    field: field({
      kind: 'string',
      key: 'sampleName',
      label: 'Sample name',
      default: 'buffer',
      maxLength: 80,
    }),
    value: 'buffer',
    changedValue: 'lysozyme 5 mg/ml',
  },
  number: {
    field: field({
      kind: 'number',
      key: 'wavelength',
      label: 'Wavelength',
      units: 'Å',
      minimum: 0.5,
      maximum: 20,
      default: 6,
      description: 'Incident wavelength of the monochromator.',
    }),
    value: 6,
    changedValue: 12.5,
  },
  integer: {
    field: field({ kind: 'integer', key: 'numberOfBins', label: 'Number of bins', minimum: 1, default: 100 }),
    value: 100,
    changedValue: 250,
  },
  boolean: {
    field: field({ kind: 'boolean', key: 'subtractBackground', label: 'Subtract background', default: true }),
    value: true,
    changedValue: false,
  },
  select: {
    field: field({
      kind: 'enum',
      key: 'normalisation',
      label: 'Normalisation',
      enum: ['monitor', 'time', 'proton charge', 'none', 'monitor and time'],
      default: 'monitor',
    }),
    value: 'monitor',
    changedValue: 'proton charge',
  },
  radio: {
    field: field({
      kind: 'enum',
      key: 'weighting',
      label: 'Weighting',
      enum: ['inverse variance', 'equal'],
      enumLabels: ['Inverse variance', 'Equal'],
      default: 'inverse variance',
    }),
    value: 'inverse variance',
    changedValue: 'equal',
  },
  runList: {
    field: field({
      kind: 'runList',
      key: 'runNumber',
      label: 'Run numbers',
      coercion: 'runList',
      listAs: 'text',
    }),
    value: '',
    changedValue: '12345-12350, 12360',
  },
  numberList: {
    field: field({
      kind: 'numberList',
      key: 'angles',
      label: 'Detector angles',
      units: '°',
      coercion: 'numberList',
      listAs: 'array',
      default: [-30, 60],
    }),
    value: [-30, 60],
    changedValue: [-30, 60, 90],
  },
  binning: {
    field: field({
      kind: 'binning',
      key: 'qBinning',
      label: 'Q binning',
      units: '1/Å',
      default: [0.01, 0.01, 0.5],
    }),
    value: [0.01, 0.01, 0.5],
    changedValue: [0.005, -0.02, 1],
  },
  path: {
    field: field({
      kind: 'path',
      key: 'maskFile',
      label: 'Mask file',
      default: '/SNS/EQSANS/shared/mask.xml',
    }),
    value: '/SNS/EQSANS/shared/mask.xml',
    changedValue: '/SNS/EQSANS/IPTS-19800/shared/beamstop.xml',
  },
  dateTime: {
    field: field({ kind: 'dateTime', key: 'start', label: 'Start of slice', format: 'date-time' }),
    value: '2026-03-01T08:00:00Z',
    changedValue: '2026-03-02T17:30:00Z',
  },
  json: {
    field: field({ kind: 'json', key: 'extra', label: 'Extra options', default: { smoothing: 3 } }),
    value: { smoothing: 3 },
    changedValue: { smoothing: 5, keepEvents: true },
  },
};
