/**
 * A hand-built FieldModel shaped like a small SANS reduction (sample, reduction with a cross-field rule
 * and a condition, the job choice with a scans table, an advanced section), and a tiny validator for
 * it, so the form's tests do not depend on the schema loader or the real validator.
 */

import type { FormValidator } from '../../src/forms/index';
import type {
  ChoiceNode,
  Condition,
  FieldModel,
  FieldNode,
  GroupNode,
  ListNode,
  ModelNode,
  Rule,
  ValidationError,
} from '../../src/schemas/index';

let index = 0;
const base = (pointer: string, key: string, label: string, extra: Partial<FieldNode> = {}) => ({
  pointer,
  key,
  label,
  advanced: false,
  order: index,
  schemaIndex: index++,
  required: false,
  readOnly: false,
  conditionIds: [] as string[],
  location: { schemaPointer: `#${pointer}` },
  hints: {},
  ...extra,
});

export function field(pointer: string, label: string, extra: Partial<FieldNode> = {}): FieldNode {
  const key = pointer.slice(pointer.lastIndexOf('/') + 1);
  return {
    ...base(pointer, key, label),
    type: 'field',
    kind: 'string',
    coercion: 'none',
    nullable: false,
    hasDefault: false,
    ruleIds: [],
    ...extra,
  } as FieldNode;
}

export function group(
  pointer: string,
  label: string,
  children: ModelNode[],
  extra: Partial<GroupNode> = {},
): GroupNode {
  const key = pointer.slice(pointer.lastIndexOf('/') + 1);
  return { ...base(pointer, key, label), type: 'group', children, nullable: false, ...extra } as GroupNode;
}

function walk(node: ModelNode, out: Map<string, ModelNode>, fields: FieldNode[]) {
  if (!out.has(node.pointer)) out.set(node.pointer, node);
  if (node.type === 'field') fields.push(node);
  if (node.type === 'group') for (const c of node.children) walk(c, out, fields);
  if (node.type === 'list') walk(node.item, out, fields);
  if (node.type === 'choice')
    for (const b of node.branches) for (const c of b.node.children) walk(c, out, fields);
}

export function modelOf(root: GroupNode, rules: Rule[] = [], conditions: Condition[] = []): FieldModel {
  const byPointer = new Map<string, ModelNode>();
  const fields: FieldNode[] = [];
  walk(root, byPointer, fields);
  return { root, schema: {}, dialect: 'draft-07', byPointer, fields, rules, conditions, diagnostics: [] };
}

/** The SANS-like fixture. */
export function sansModel(): FieldModel {
  index = 0;
  const scansItem = (prefix: string) =>
    group(`${prefix}/scans/*`, 'Scan', [
      field(`${prefix}/scans/*/run`, 'Run', { kind: 'integer', required: true }),
      field(`${prefix}/scans/*/concentration`, 'Concentration', {
        kind: 'number',
        units: 'mg/ml',
        nullable: true,
        hasDefault: true,
        default: null,
      }),
      field(`${prefix}/scans/*/thickness`, 'Thickness', {
        kind: 'number',
        units: 'cm',
        hasDefault: true,
        default: 0.1,
      }),
      field(`${prefix}/scans/*/transmission`, 'Transmission', {
        kind: 'number',
        nullable: true,
        hasDefault: true,
        default: null,
      }),
    ]);
  const scans = (prefix: string): ListNode =>
    ({
      ...base(`${prefix}/scans`, 'scans', 'Scans'),
      type: 'list',
      item: scansItem(prefix),
      minItems: 1,
      maxItems: 3,
      hasDefault: false,
      nullable: false,
    }) as ListNode;
  const job: ChoiceNode = {
    ...base('/job', 'job', 'Job'),
    type: 'choice',
    combinator: 'oneOf',
    discriminator: 'mode',
    defaultBranch: 'average',
    nullable: false,
    branches: [
      {
        id: 'average',
        label: 'Average the scans',
        discriminatorValue: 'average',
        node: group('/job', 'Average', [
          field('/job/mode', 'Mode', { enum: ['average'], kind: 'enum' }),
          scans('/job'),
          field('/job/outputName', 'Output name', { hasDefault: true, default: 'averaged' }),
        ]),
      },
      {
        id: 'each',
        label: 'Each scan separately',
        discriminatorValue: 'each',
        node: group('/job', 'Each', [
          field('/job/mode', 'Mode', { enum: ['each'], kind: 'enum' }),
          scans('/job'),
          field('/job/suffix', 'Suffix', { hasDefault: true, default: '_r' }),
        ]),
      },
    ],
  };
  const root = group('', 'Reduction request', [
    group('/sample', 'Sample', [
      field('/sample/runNumber', 'Sample run', { required: true, kind: 'runList' }),
      field('/sample/thickness', 'Sample thickness', {
        kind: 'number',
        units: 'cm',
        hasDefault: true,
        default: 0.1,
        exclusiveMinimum: 0,
      }),
    ]),
    group('/reduction', 'Reduction', [
      field('/reduction/Qmin', 'Q min', {
        kind: 'number',
        units: '1/Å',
        nullable: true,
        hasDefault: true,
        default: null,
        ruleIds: ['r1'],
      }),
      field('/reduction/Qmax', 'Q max', {
        kind: 'number',
        units: '1/Å',
        nullable: true,
        hasDefault: true,
        default: null,
        ruleIds: ['r1'],
      }),
      field('/reduction/useLogBinning', 'Use log binning', {
        kind: 'boolean',
        hasDefault: true,
        default: false,
      }),
      field('/reduction/binsPerDecade', 'Bins per decade', {
        kind: 'integer',
        hasDefault: true,
        default: 10,
        conditionIds: ['c1'],
      }),
      field('/reduction/wavelengthStep', 'Wavelength step', {
        kind: 'number',
        hasDefault: true,
        default: 0.1,
        advanced: true,
        units: 'Å',
      }),
    ]),
    job,
    group(
      '/expert',
      'Expert options',
      [
        field('/expert/solidAngle', 'Solid angle correction', {
          kind: 'boolean',
          hasDefault: true,
          default: true,
          advanced: true,
        }),
        field('/expert/flightPathOffset', 'Flight path offset', {
          kind: 'number',
          hasDefault: true,
          default: 0,
          advanced: true,
          units: 'm',
        }),
      ],
      { advanced: true },
    ),
  ]);
  const rules: Rule[] = [
    {
      id: 'r1',
      kind: 'lessThan',
      owner: '/reduction',
      reads: ['/reduction/Qmin', '/reduction/Qmax'],
      params: ['Qmin', 'Qmax'],
      location: { schemaPointer: '#/properties/reduction' },
    },
  ];
  const conditions: Condition[] = [
    {
      id: 'c1',
      kind: 'ifThenElse',
      reads: ['/reduction/useLogBinning'],
      whenTrue: ['/reduction/binsPerDecade'],
      whenFalse: [],
      test: { properties: { useLogBinning: { const: true } }, required: ['useLogBinning'] },
      scope: '/reduction',
      location: { schemaPointer: '#/properties/reduction' },
    },
  ];
  return modelOf(root, rules, conditions);
}

const get = (obj: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );

/** Checks required fields, sample thickness > 0, integer runs and Qmin < Qmax: enough for the tests. */
export function sansValidator(calls?: { compiled: number; validate: number; field: number }): FormValidator {
  if (calls) calls.compiled++;
  const all = (request: unknown): ValidationError[] => {
    const errors: ValidationError[] = [];
    const run = get(request, '/sample/runNumber');
    if (run === undefined || run === '')
      errors.push({ pointer: '/sample/runNumber', message: 'Enter the sample run.', rule: 'required' });
    const t = get(request, '/sample/thickness');
    if (typeof t === 'number' && t <= 0)
      errors.push({
        pointer: '/sample/thickness',
        message: 'must be more than 0 cm',
        rule: 'exclusiveMinimum',
      });
    const qmin = get(request, '/reduction/Qmin');
    const qmax = get(request, '/reduction/Qmax');
    if (typeof qmin === 'number' && typeof qmax === 'number' && !(qmin < qmax)) {
      errors.push({
        pointer: '/reduction/Qmin',
        message: 'Q min must be less than Q max.',
        rule: 'lessThan',
        related: ['/reduction/Qmin', '/reduction/Qmax'],
      });
    }
    const offset = get(request, '/expert/flightPathOffset');
    if (typeof offset === 'number' && offset > 10) {
      errors.push({ pointer: '/expert/flightPathOffset', message: 'must be at most 10 m', rule: 'maximum' });
    }
    const scans = get(request, '/job/scans');
    if (Array.isArray(scans)) {
      scans.forEach((s, i) => {
        if (!Number.isInteger((s as Record<string, unknown>).run)) {
          errors.push({ pointer: `/job/scans/${i}/run`, message: 'Enter a run number.', rule: 'required' });
        }
      });
    }
    return errors;
  };
  return {
    validate(request) {
      if (calls) calls.validate++;
      return all(request);
    },
    validateField(request, pointer) {
      if (calls) calls.field++;
      return all(request).filter((e) => e.pointer === pointer || e.related?.includes(pointer));
    },
  };
}
