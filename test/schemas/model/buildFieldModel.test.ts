/**
 * buildFieldModel on the shapes real facility schemas have: untitled keys, type unions with null,
 * numbers typed as text, run lists, $ref with siblings, allOf, choices, conditions and x- rules.
 */
import { describe, expect, test } from 'vitest';
import type { ChoiceNode, FieldNode, GroupNode, ListNode } from '../../../src/schemas/FieldModel';
import { buildFieldModel } from '../../../src/schemas/model/buildFieldModel';
import { createValidator } from '../../../src/schemas/validate/createValidator';

const field = (model: ReturnType<typeof buildFieldModel>, pointer: string): FieldNode => {
  const node = model.byPointer.get(pointer);
  if (node?.type !== 'field') throw new Error(`${pointer} is ${node?.type ?? 'missing'}, not a field`);
  return node;
};

describe('fields', () => {
  const model = buildFieldModel({
    type: 'object',
    required: ['sampleThickness'],
    properties: {
      sampleThickness: { type: 'number', exclusiveMinimum: 0, maximum: 10, 'x-units': 'cm', default: 0.1 },
      mode: { type: 'string', enum: ['linear', 'log'], enumNames: ['Linear', 'Logarithmic'] },
      named: { type: 'string', title: 'Given title', 'ui:title': 'UI title' },
      uiNamed: { type: 'string', 'ui:title': 'UI title', 'ui:help': 'Help me', 'ui:options': { rows: 3 } },
      flag: { type: 'boolean', 'x-widget': 'switch', 'x-placeholder': 'off' },
      when: { type: 'string', format: 'date-time' },
      file: { type: 'string', 'x-input': 'path' },
    },
  });
  test('labels from title, ui:title, else the key', () => {
    expect(field(model, '/sampleThickness').label).toBe('Sample thickness');
    expect(field(model, '/named').label).toBe('Given title');
    expect(field(model, '/uiNamed').label).toBe('UI title');
  });
  test('kinds, limits, units, defaults, requiredness', () => {
    const t = field(model, '/sampleThickness');
    expect(t).toMatchObject({
      kind: 'number',
      exclusiveMinimum: 0,
      maximum: 10,
      units: 'cm',
      hasDefault: true,
    });
    expect(t.default).toBe(0.1);
    expect(t.required).toBe(true);
    expect(field(model, '/mode')).toMatchObject({
      kind: 'enum',
      enum: ['linear', 'log'],
      enumLabels: ['Linear', 'Logarithmic'],
    });
    expect(field(model, '/when').kind).toBe('dateTime');
    expect(field(model, '/file').kind).toBe('path');
    expect(field(model, '/flag')).toMatchObject({
      kind: 'boolean',
      widget: 'switch',
      placeholder: 'off',
      required: false,
    });
  });
  test('ui:options and ui:help reach the hints', () => {
    expect(field(model, '/uiNamed').hints).toMatchObject({ rows: 3, help: 'Help me' });
  });
  test('the model is frozen', () => {
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.root.children)).toBe(true);
    expect(Object.isFrozen(field(model, '/mode'))).toBe(true);
  });
});

describe('unions', () => {
  const model = buildFieldModel({
    definitions: { num: { type: 'number', minimum: 0, 'x-units': '1/Å' } },
    properties: {
      a: { type: ['number', 'null'] },
      b: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'B title' },
      c: { oneOf: [{ $ref: '#/definitions/num' }, { type: 'null' }] },
      Qmin: {
        anyOf: [{ type: 'number', maximum: 1 }, { type: 'string', pattern: '^[0-9.]+$' }, { type: 'null' }],
      },
      wedges: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'number' } }] },
      level: { oneOf: [{ const: 'each_scan', title: 'Each scan alone' }, { const: 'together' }] },
      nullableEnum: { enum: ['a', 'b', null] },
    },
  });
  test('one type with null is one nullable field, never a choice', () => {
    expect(field(model, '/a')).toMatchObject({ kind: 'number', nullable: true, coercion: 'none' });
    expect(field(model, '/b')).toMatchObject({ kind: 'string', nullable: true, label: 'B title' });
    expect(field(model, '/c')).toMatchObject({ kind: 'number', nullable: true, minimum: 0, units: '1/Å' });
    expect(field(model, '/nullableEnum')).toMatchObject({ kind: 'enum', nullable: true, enum: ['a', 'b'] });
  });
  test('number | numeric string | null is one number field with a text coercion', () => {
    expect(field(model, '/Qmin')).toMatchObject({
      kind: 'number',
      nullable: true,
      coercion: 'numberFromText',
      maximum: 1,
    });
    expect(field(model, '/Qmin').hints.textPattern).toBe('^[0-9.]+$');
  });
  test('string | list of numbers is one number list', () => {
    expect(field(model, '/wedges')).toMatchObject({
      kind: 'numberList',
      coercion: 'numberList',
      nullable: false,
    });
  });
  test('oneOf of consts is an enum with labels', () => {
    expect(field(model, '/level')).toMatchObject({
      kind: 'enum',
      enum: ['each_scan', 'together'],
      enumLabels: ['Each scan alone', 'Together'],
    });
  });
  test('no union here produced a choice', () => {
    expect([...model.byPointer.values()].some((n) => n.type === 'choice')).toBe(false);
  });
});

describe('lists and list-valued fields', () => {
  const model = buildFieldModel({
    properties: {
      sampleRuns: { type: 'string', 'x-input': 'run-list' },
      runNumbers: { type: 'array', items: { type: 'integer', minimum: 1 }, 'x-input': 'run-list' },
      angles: { type: 'array', items: { type: 'number' }, 'x-units': 'degrees' },
      typedAngles: { type: 'string', 'x-input': 'number-list' },
      qBinning: { type: 'array', items: { type: 'number' }, minItems: 3, maxItems: 3 },
      steps: { type: 'array', items: { type: 'number' }, 'x-widget': 'binning' },
      scans: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          title: 'Scan',
          properties: { run: { type: 'integer' }, temperature: { type: 'number' } },
        },
      },
      tags: { type: 'array', items: { type: 'string' } },
    },
  });
  test('run lists record what the request holds', () => {
    expect(field(model, '/sampleRuns')).toMatchObject({
      kind: 'runList',
      coercion: 'runList',
      listAs: 'text',
    });
    expect(field(model, '/runNumbers')).toMatchObject({ kind: 'runList', listAs: 'array', minimum: 1 });
    expect(field(model, '/typedAngles')).toMatchObject({ kind: 'numberList', listAs: 'text' });
    expect(field(model, '/angles')).toMatchObject({ kind: 'numberList', listAs: 'array', units: 'degrees' });
  });
  test('three numbers named like binning, or x-widget binning, are a binning triplet', () => {
    expect(field(model, '/qBinning').kind).toBe('binning');
    expect(field(model, '/steps').kind).toBe('binning');
  });
  test('arrays of objects are lists whose item pointer ends in /*', () => {
    const scans = model.byPointer.get('/scans') as ListNode;
    expect(scans.type).toBe('list');
    expect(scans.minItems).toBe(1);
    expect(scans.item.pointer).toBe('/scans/*');
    expect(scans.item.label).toBe('Scan');
    expect(field(model, '/scans/*/run').kind).toBe('integer');
    expect((model.byPointer.get('/tags') as ListNode).item.type).toBe('field');
  });
});

describe('$ref and allOf', () => {
  test('$ref siblings and the outer node of allOf win over the target', () => {
    const model = buildFieldModel({
      $defs: { size: { type: 'number', title: 'Size', 'x-units': 'mm', maximum: 20 } },
      properties: {
        sampleApertureSize: { allOf: [{ $ref: '#/$defs/size' }], title: 'Sample aperture', maximum: 10 },
        sourceApertureSize: { $ref: '#/$defs/size' },
      },
    });
    expect(field(model, '/sampleApertureSize')).toMatchObject({
      label: 'Sample aperture',
      maximum: 10,
      units: 'mm',
    });
    expect(field(model, '/sourceApertureSize')).toMatchObject({ label: 'Size', maximum: 20 });
  });
  test('allOf objects merge their properties and required', () => {
    const model = buildFieldModel({
      allOf: [
        { properties: { a: { type: 'number' } }, required: ['a'] },
        { properties: { b: { type: 'string' } } },
      ],
    });
    expect(field(model, '/a').required).toBe(true);
    expect(field(model, '/b').kind).toBe('string');
  });
  test('a recursive ref becomes a json field with a diagnostic, never a hang', () => {
    const model = buildFieldModel({
      definitions: {
        node: {
          type: 'object',
          properties: { value: { type: 'number' }, child: { $ref: '#/definitions/node' } },
        },
      },
      properties: { tree: { $ref: '#/definitions/node' } },
    });
    expect(field(model, '/tree/child').kind).toBe('json');
    expect(field(model, '/tree/value').kind).toBe('number');
    expect(model.diagnostics.map((d) => d.rule)).toContain('recursive-ref');
  });
  test('a ref to nothing is a diagnostic naming the location', () => {
    const model = buildFieldModel({ properties: { x: { $ref: '#/definitions/missing' } } });
    expect(model.diagnostics[0]).toMatchObject({
      rule: 'unresolved-ref',
      location: { schemaPointer: '#/properties/x' },
    });
  });
});

describe('order, advanced, groups', () => {
  const model = buildFieldModel({
    'ui:order': ['c', '*', 'a'],
    properties: {
      a: { type: 'number' },
      b: { type: 'number', 'x-order': 1 },
      c: { type: 'number' },
      d: { type: 'number', 'x-order': -1 },
      expert: {
        type: 'object',
        'x-advanced': true,
        'x-group': 'Expert',
        properties: { deep: { type: 'number' } },
      },
    },
  });
  test('ui:order first, "*" for the rest, then x-order, then schema order', () => {
    expect(model.root.children.map((c) => c.key)).toEqual(['c', 'd', 'expert', 'b', 'a']);
    expect(model.root.children.map((c) => c.order)).toEqual([0, 1, 2, 3, 4]);
  });
  test('x-advanced is inherited; x-group is kept', () => {
    expect(field(model, '/expert/deep').advanced).toBe(true);
    expect(model.byPointer.get('/expert')?.group).toBe('Expert');
    expect(field(model, '/a').advanced).toBe(false);
  });
  test('schemaIndex follows the schema, depth first', () => {
    const indexes = model.fields.map((f) => f.schemaIndex);
    expect(indexes).toEqual([...indexes].sort((x, y) => x - y));
    expect(model.fields.map((f) => f.key)).toEqual(['a', 'b', 'c', 'd', 'deep']);
  });
});

describe('choices', () => {
  test('objects told apart by a const property are a choice with named branches', () => {
    const model = buildFieldModel({
      properties: {
        absoluteScale: {
          oneOf: [
            {
              title: 'Standard sample',
              properties: { method: { const: 'standard' }, factor: { type: 'number' } },
            },
            { properties: { method: { enum: ['direct_beam'] }, beamRun: { type: 'integer' } } },
          ],
          default: { method: 'direct_beam' },
        },
      },
    });
    const choice = model.byPointer.get('/absoluteScale') as ChoiceNode;
    expect(choice.type).toBe('choice');
    expect(choice.discriminator).toBe('method');
    expect(choice.branches.map((b) => [b.id, b.label])).toEqual([
      ['standard', 'Standard sample'],
      ['direct_beam', 'Direct beam'],
    ]);
    expect(choice.defaultBranch).toBe('direct_beam');
    expect(choice.branches[1]!.node.children.map((c) => c.pointer)).toEqual([
      '/absoluteScale/method',
      '/absoluteScale/beamRun',
    ]);
    expect(model.fields.map((f) => f.pointer)).toContain('/absoluteScale/factor');
  });
  test('objects told apart by required keys are a choice too', () => {
    const model = buildFieldModel({
      properties: {
        slicing: {
          anyOf: [
            { properties: { timeInterval: { type: 'number' } }, required: ['timeInterval'] },
            { properties: { logName: { type: 'string' } }, required: ['logName'] },
            { type: 'null' },
          ],
        },
      },
    });
    const choice = model.byPointer.get('/slicing') as ChoiceNode;
    expect(choice).toMatchObject({ type: 'choice', combinator: 'anyOf', nullable: true });
    expect(choice.branches.map((b) => b.label)).toEqual(['Time interval', 'Log name']);
  });
});

describe('conditions', () => {
  const model = buildFieldModel({
    properties: {
      binning: { enum: ['scalar', 'wedge'] },
      useSlicing: { type: 'boolean' },
      scans: {
        type: 'array',
        items: {
          properties: { kind: { enum: ['a', 'b'] } },
          if: { properties: { kind: { const: 'b' } } },
          // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
          then: { properties: { bOnly: { type: 'number' } } },
        },
      },
    },
    allOf: [
      {
        if: { properties: { binning: { const: 'wedge' } }, required: ['binning'] },
        // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
        then: {
          properties: { wedgeAngles: { type: 'array', items: { type: 'number' } } },
          required: ['wedgeAngles'],
        },
        else: { properties: { nBins: { type: 'integer' } } },
      },
    ],
    dependentSchemas: { useSlicing: { properties: { interval: { type: 'number' } } } },
    dependentRequired: { interval: ['useSlicing'] },
  });
  test('fields only in then/else join the parent group with the condition id', () => {
    const wedge = field(model, '/wedgeAngles');
    const nBins = field(model, '/nBins');
    expect(model.root.children.map((c) => c.key)).toContain('wedgeAngles');
    const condition = model.conditions.find((c) => c.id === wedge.conditionIds[0])!;
    expect(condition).toMatchObject({
      kind: 'ifThenElse',
      reads: ['/binning'],
      whenTrue: ['/wedgeAngles'],
      whenFalse: ['/nBins'],
      scope: '',
    });
    expect(condition.requires?.whenTrue).toEqual(['/wedgeAngles']);
    expect(nBins.conditionIds).toEqual([condition.id]);
    expect(condition.location.schemaPointer).toBe('#/allOf/0/if');
  });
  test('dependentSchemas and dependentRequired become dependency conditions', () => {
    const interval = field(model, '/interval');
    const dep = model.conditions.find((c) => c.id === interval.conditionIds[0])!;
    expect(dep).toMatchObject({
      kind: 'dependency',
      reads: ['/useSlicing'],
      whenTrue: ['/interval'],
      test: 'useSlicing',
    });
    const required = model.conditions.find((c) => c.kind === 'dependency' && c.test === 'interval')!;
    expect(required.requires?.whenTrue).toEqual(['/useSlicing']);
    expect(field(model, '/useSlicing').conditionIds).toEqual([]);
  });
  test('a key both then and else bring in shows on either side; one only then brings in stays conditional', () => {
    const both = buildFieldModel({
      properties: { mode: { enum: ['fine', 'coarse'] } },
      if: { properties: { mode: { const: 'fine' } } },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a thenable
      then: { properties: { bins: { type: 'integer', maximum: 200 }, step: { type: 'number' } } },
      else: { properties: { bins: { type: 'integer', maximum: 20 } } },
    });
    const [condition] = both.conditions;
    expect(condition).toMatchObject({ whenTrue: ['/step'], whenFalse: [] });
    expect(both.root.children.filter((c) => c.key === 'bins')).toHaveLength(1);
    // The field is one, and ajv still holds each side to its own limit.
    const validator = createValidator(both);
    expect(validator.validate({ mode: 'fine', bins: 30 })).toEqual([]);
    expect(validator.validate({ mode: 'coarse', bins: 30 }).map((e) => e.pointer)).toEqual(['/bins']);
  });
  test('conditions inside list rows use "*" templates', () => {
    const bOnly = field(model, '/scans/*/bOnly');
    const c = model.conditions.find((x) => x.id === bOnly.conditionIds[0])!;
    expect(c).toMatchObject({ scope: '/scans/*', reads: ['/scans/*/kind'], whenTrue: ['/scans/*/bOnly'] });
  });
});

describe('rules', () => {
  const model = buildFieldModel({
    properties: {
      reduction: {
        type: 'object',
        'x-atMostOneTrue': ['0/useTimeSlicing', '0/useLogSlicing'],
        properties: {
          Qmin: { type: 'number', 'x-lessThan': '1/Qmax' },
          Qmax: { type: 'number', 'x-lessThan': '/limits/Qlimit' },
          useTimeSlicing: { type: 'boolean' },
          useLogSlicing: { type: 'boolean' },
        },
      },
      limits: { properties: { Qlimit: { type: 'number' } } },
      rows: {
        type: 'array',
        items: { properties: { lo: { type: 'number', 'x-lessThan': '1/hi' }, hi: { type: 'number' } } },
      },
      broken: { type: 'number', 'x-requires': '9/nowhere' },
    },
  });
  test('relative and absolute pointers resolve to absolute templates', () => {
    const ids = model.rules.map((r) => [r.id, r.reads]);
    expect(ids).toContainEqual(['lessThan:/reduction/Qmin', ['/reduction/Qmin', '/reduction/Qmax']]);
    expect(ids).toContainEqual(['lessThan:/reduction/Qmax', ['/reduction/Qmax', '/limits/Qlimit']]);
    expect(ids).toContainEqual([
      'atMostOneTrue:/reduction',
      ['/reduction', '/reduction/useTimeSlicing', '/reduction/useLogSlicing'],
    ]);
    expect(ids).toContainEqual(['lessThan:/rows/*/lo', ['/rows/*/lo', '/rows/*/hi']]);
  });
  test('every field a rule reads carries its id', () => {
    expect(field(model, '/reduction/Qmax').ruleIds).toEqual([
      'lessThan:/reduction/Qmin',
      'lessThan:/reduction/Qmax',
    ]);
    expect(field(model, '/limits/Qlimit').ruleIds).toEqual(['lessThan:/reduction/Qmax']);
    expect(field(model, '/reduction/useLogSlicing').ruleIds).toEqual(['atMostOneTrue:/reduction']);
    expect(field(model, '/rows/*/hi').ruleIds).toEqual(['lessThan:/rows/*/lo']);
  });
  test('a pointer above the root is a diagnostic, and the rule is dropped', () => {
    expect(model.diagnostics.find((d) => d.rule === 'bad-rule-pointer')?.location.schemaPointer).toBe(
      '#/properties/broken',
    );
    expect(model.rules.some((r) => r.owner === '/broken')).toBe(false);
  });
});

test('a loadSchema result is accepted as input', () => {
  const model = buildFieldModel({
    schema: { properties: { x: { type: 'number' } } },
    dialect: 'draft-07',
    diagnostics: [
      { severity: 'warning', rule: 'unknown-keyword', message: 'm', location: { schemaPointer: '#' } },
    ],
  });
  expect(model.dialect).toBe('draft-07');
  expect(model.diagnostics).toHaveLength(1);
  expect((model.root as GroupNode).children[0]?.key).toBe('x');
});
