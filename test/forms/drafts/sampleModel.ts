/**
 * A small hand-built FieldModel for the draft tests (a SANS-like request with a job choice and a scan
 * table), so these tests do not depend on buildFieldModel. `version: 2` drops and retypes a few fields.
 */
import type {
  ChoiceNode,
  FieldModel,
  FieldNode,
  GroupNode,
  ListNode,
  ModelNode,
  ValueKind,
} from '../../../src/schemas/index';

const base = (pointer: string, key: string) => ({
  pointer,
  key,
  label: key,
  advanced: false,
  order: 0,
  schemaIndex: 0,
  required: false,
  readOnly: false,
  conditionIds: [],
  location: { schemaPointer: '#' },
  hints: {},
});

function field(pointer: string, kind: ValueKind, extra: Partial<FieldNode> = {}): FieldNode {
  const key = pointer.split('/').pop() ?? '';
  return {
    ...base(pointer, key),
    type: 'field',
    kind,
    coercion: 'none',
    nullable: true,
    hasDefault: false,
    ruleIds: [],
    ...extra,
  };
}

function group(pointer: string, children: ModelNode[]): GroupNode {
  return { ...base(pointer, pointer.split('/').pop() ?? ''), type: 'group', children, nullable: false };
}

function collect(node: ModelNode, into: Map<string, ModelNode>): void {
  into.set(node.pointer, node);
  if (node.type === 'group') for (const child of node.children) collect(child, into);
  if (node.type === 'list') collect(node.item, into);
  if (node.type === 'choice')
    for (const b of node.branches) for (const c of b.node.children) collect(c, into);
}

/** Version 1 has /sample/{run,thickness,aperture}, /reduction/{Qmin,Qmax,binType}, /job (choice). */
export function sampleModel(version: 1 | 2): FieldModel {
  const scans: ListNode = {
    ...base('/job/scans', 'scans'),
    type: 'list',
    item: group('/job/scans/*', [
      field('/job/scans/*/run', 'integer'),
      field('/job/scans/*/thickness', 'number'),
    ]),
    hasDefault: false,
    nullable: false,
  };
  const job: ChoiceNode = {
    ...base('/job', 'job'),
    type: 'choice',
    combinator: 'oneOf',
    discriminator: 'kind',
    defaultBranch: 'combined',
    nullable: false,
    branches: [
      {
        id: 'combined',
        label: 'One reduction of all scans',
        discriminatorValue: 'combined',
        node: group('/job', [scans]),
      },
      {
        id: 'separate',
        label: 'Each scan alone',
        discriminatorValue: 'separate',
        node: group('/job', [scans]),
      },
    ],
  };
  const sample = group('/sample', [
    field('/sample/run', 'runList'),
    field('/sample/thickness', 'number', { hasDefault: true, default: 0.1 }),
    ...(version === 1 ? [field('/sample/aperture', 'number')] : []),
  ]);
  const reduction = group('/reduction', [
    field('/reduction/Qmin', 'number'),
    ...(version === 1 ? [field('/reduction/Qmax', 'number')] : [field('/reduction/Qmax', 'boolean')]),
    field('/reduction/binType', 'enum', { enum: version === 1 ? ['linear', 'log'] : ['linear', 'log10'] }),
  ]);
  const root = group('', [sample, reduction, job]);
  const byPointer = new Map<string, ModelNode>();
  collect(root, byPointer);
  const fields = [...byPointer.values()].filter((n): n is FieldNode => n.type === 'field');
  return {
    root,
    schema: {},
    dialect: '2020-12',
    byPointer,
    fields,
    rules: [],
    conditions: [],
    diagnostics: [],
  };
}

export const sampleDefaults = {
  sample: { run: [], thickness: 0.1, aperture: null },
  reduction: { Qmin: null, Qmax: null, binType: 'linear' },
  job: { kind: 'combined', scans: [] },
};
