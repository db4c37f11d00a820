/**
 * fast-check generators of instrument-like JSON Schemas (draft-07 and 2020-12) for the fuzz properties:
 * nested objects, lists and tuples, unions with null, oneOf with and without a discriminator,
 * if/then/else, dependencies, $ref to definitions (recursive too), our x- rules aimed at fields that
 * exist and that do not, enums, formats, patterns (some our pattern guard must refuse), odd keys.
 * Shrinking works on the structure, so a failure reports the smallest schema that still fails.
 */
import fc from 'fast-check';
import { escapePointerSegment } from '../../src/schemas/index';

export type FuzzDialect = 'draft-07' | '2020-12';
export type Schema = Record<string, unknown> | boolean;

export const dialectUri: Record<FuzzDialect, string> = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

const words = ['q', 'min', 'max', 'run', 'sample', 'wave', 'length', 'mask', 'bins', 'scan', 'mode', 'label'];
/** Keys that broke JSON tools before: prototype names, pointer escapes, empty, non-ASCII, digits. */
export const oddKeys = ['__proto__', 'constructor', '', 'a/b', '~1', '~0x', 'Énergie Å', '0', ' spaced '];

const camelKey = fc
  .array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 })
  .map((ws) => ws.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join(''));
export const keyArb = fc.oneof(
  { weight: 6, arbitrary: camelKey },
  { weight: 1, arbitrary: fc.constantFrom(...oddKeys) },
);

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
/** Patterns: ordinary ones, and ones with nested quantifiers that analysePattern must refuse. */
const patternArb = fc.constantFrom(
  '^[0-9]+$',
  '^(IPTS-)?[0-9]+$',
  '^[a-z]*$',
  '^(a+)+$',
  '(x*)*y',
  '^\\p{L}+$',
);
const formatArb = fc.constantFrom('date-time', 'date', 'email', 'uri', 'uuid', 'ipv4', 'not-a-format');
const unitArb = fc.constantFrom('Å', '1/Å', 'cm', 'meV', 'degrees');

/** Adds optional keywords drawn independently: `{...base, ...some of extras}`. */
function withSome(base: Record<string, unknown>, extras: Record<string, fc.Arbitrary<unknown>>) {
  return fc.record(extras, { requiredKeys: [] }).map((picked) => ({ ...base, ...picked }));
}

const numberLeaf = fc.constantFrom('number', 'integer').chain((type) =>
  withSome(
    { type },
    {
      minimum: finite,
      maximum: finite,
      exclusiveMinimum: finite,
      default: type === 'integer' ? fc.integer({ min: -1000, max: 1000 }) : finite,
      'x-units': unitArb,
      'x-advanced': fc.boolean(),
    },
  ),
);
const stringLeaf = withSome(
  { type: 'string' },
  {
    pattern: patternArb,
    format: formatArb,
    minLength: fc.nat({ max: 5 }),
    maxLength: fc.integer({ min: 1, max: 40 }),
    default: fc.string({ maxLength: 12 }),
    'x-input': fc.constantFrom('run-list', 'number-list', 'path'),
  },
);
const booleanLeaf = withSome({ type: 'boolean' }, { default: fc.boolean() });
const enumLeaf = fc
  .uniqueArray(fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 5 }), fc.constant(null)), {
    minLength: 1,
    maxLength: 5,
    selector: (v) => JSON.stringify(v),
  })
  .chain((values) => withSome({ enum: values }, { default: fc.constantFrom(...values) }));
const nullableLeaf = fc
  .constantFrom('number', 'string', 'integer', 'boolean')
  .map((t) => ({ type: [t, 'null'], default: null }));
const numberListLeaf = withSome(
  { type: 'array', items: { type: 'number' } },
  { default: fc.array(finite, { maxLength: 3 }), minItems: fc.nat({ max: 2 }) },
);

export const leafArb: fc.Arbitrary<Schema> = fc.oneof(
  numberLeaf,
  stringLeaf,
  booleanLeaf,
  enumLeaf,
  nullableLeaf,
  numberListLeaf,
  fc.constantFrom(true, false, {}),
);

interface Tie {
  (name: 'node'): fc.Arbitrary<Schema>;
  (name: 'object'): fc.Arbitrary<Record<string, unknown>>;
}

/** Our cross-field rules, aimed at siblings that may or may not exist. */
function ruleArb(siblings: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const ref = fc.oneof(
    siblings.length > 0
      ? fc.constantFrom(...siblings).map((k) => `1/${escapePointerSegment(k)}`)
      : fc.constant('1/missing'),
    fc.constant('1/noSuchField'),
    fc.constant('/absolute/missing'),
  );
  return fc.oneof(
    ref.map((r) => ({ 'x-lessThan': r })),
    fc.array(ref, { minLength: 1, maxLength: 2 }).map((r) => ({ 'x-requires': r })),
    ref.map((r) => ({ 'x-requiredWhen': { pointer: r, equals: 1 } })),
  );
}

function objectArb(tie: Tie, dialect: FuzzDialect, maxKeys: number) {
  return fc
    .uniqueArray(fc.tuple(keyArb, tie('node')), { maxLength: maxKeys, selector: ([k]) => k })
    .chain((entries) => {
      const keys = entries.map(([k]) => k);
      const properties: Record<string, unknown> = {};
      for (const [k, v] of entries)
        Object.defineProperty(properties, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      const base = { type: 'object', properties };
      const extras: Record<string, fc.Arbitrary<unknown>> = {
        required: fc.subarray(keys),
        additionalProperties: fc.boolean(),
        title: fc.string({ maxLength: 10 }),
      };
      if (keys.length >= 2) {
        const [a, b] = keys as [string, string];
        extras[dialect === 'draft-07' ? 'dependencies' : 'dependentRequired'] = fc.constant({ [a]: [b] });
        extras.if = fc.constant({ properties: { [a]: { const: true } }, required: [a] });
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own keyword, never awaited
        extras.then = fc.constant({ required: [b] });
        extras['x-sameLength'] = fc.constant([
          `0/${escapePointerSegment(a)}`,
          `0/${escapePointerSegment(b)}`,
        ]);
      }
      return withSome(base, extras).chain((obj) =>
        keys.length === 0
          ? fc.constant(obj)
          : fc.option(ruleArb(keys), { nil: undefined }).map((rule) => {
              if (!rule) return obj;
              const first = keys[0]!;
              const props = obj.properties as Record<string, unknown>;
              const target = props[first];
              if (typeof target === 'object' && target !== null)
                Object.defineProperty(props, first, {
                  value: { ...target, ...rule },
                  enumerable: true,
                  writable: true,
                  configurable: true,
                });
              return obj;
            }),
      );
    });
}

function unionArb(tie: Tie) {
  const discriminated = fc
    .uniqueArray(fc.constantFrom('average', 'each_scan', 'sum'), { minLength: 2, maxLength: 3 })
    .chain((modes) =>
      fc.tuple(...modes.map(() => tie('object'))).map((objects) => ({
        oneOf: objects.map((o, i) => ({
          ...o,
          properties: { ...(o.properties as object), mode: { const: modes[i] } },
          required: ['mode'],
        })),
      })),
    );
  return fc.oneof(
    discriminated,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((oneOf) => ({ oneOf })),
    tie('node').map((n) => ({ anyOf: [n, { type: 'null' }] })),
  );
}

function listArb(tie: Tie, dialect: FuzzDialect) {
  const tuple = fc
    .array(tie('node'), { minLength: 1, maxLength: 3 })
    .chain((positions) =>
      fc
        .boolean()
        .map((closed) =>
          dialect === 'draft-07'
            ? { type: 'array', items: positions, additionalItems: !closed }
            : { type: 'array', prefixItems: positions, items: !closed },
        ),
    );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: tie('object').map((items) => ({ type: 'array', items, minItems: 1, default: [{}] })),
    },
    { weight: 2, arbitrary: tie('node').map((items) => ({ type: 'array', items })) },
    { weight: 1, arbitrary: tuple },
  );
}

/**
 * A whole schema of the dialect: an object root with definitions and $refs into them (one recursive).
 * `maxDepth` bounds nesting; `maxKeys` bounds each object's width.
 */
export function schemaArbitrary(
  dialect: FuzzDialect,
  maxDepth = 4,
  maxKeys = 5,
): fc.Arbitrary<Record<string, unknown>> {
  const defsKey = dialect === 'draft-07' ? 'definitions' : '$defs';
  const { object } = fc.letrec<{ node: Schema; object: Record<string, unknown> }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      { weight: 5, arbitrary: leafArb },
      { weight: 2, arbitrary: tie('object') },
      { weight: 1, arbitrary: listArb(tie as Tie, dialect) },
      { weight: 1, arbitrary: unionArb(tie as Tie) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(`#/${defsKey}/leaf`, `#/${defsKey}/tree`).map(($ref) => ({ $ref })),
      },
    ),
    object: objectArb(tie as Tie, dialect, maxKeys),
  }));
  return fc.tuple(object, leafArb).map(([root, leaf]) => ({
    $schema: dialectUri[dialect],
    ...root,
    [defsKey]: {
      leaf,
      tree: {
        type: 'object',
        properties: {
          label: { type: 'string' },
          children: { type: 'array', items: { $ref: `#/${defsKey}/tree` } },
        },
      },
    },
  }));
}

/** A very wide flat object (hundreds of fields): the size facilities really write. */
export function wideSchemaArbitrary(dialect: FuzzDialect): fc.Arbitrary<Record<string, unknown>> {
  return fc.array(leafArb, { minLength: 100, maxLength: 400 }).map((leaves) => ({
    $schema: dialectUri[dialect],
    type: 'object',
    properties: Object.fromEntries(leaves.map((leaf, i) => [`field${i}`, leaf])),
  }));
}

/** Objects nested `depth` deep: the loader and model must not overflow the stack. */
export function deepSchema(dialect: FuzzDialect, depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'number', default: 1 };
  for (let i = 0; i < depth; i++) schema = { type: 'object', properties: { inner: schema } };
  return { $schema: dialectUri[dialect], ...schema };
}

/**
 * The same schema as two files: its `leaf` definition moved into `defs.schema.json` and every $ref to
 * it rewritten to cross files, so the loader's external-ref crawl is fuzzed too.
 */
export function splitAcrossFiles(
  schema: Record<string, unknown>,
  dialect: FuzzDialect,
): { main: Record<string, unknown>; defs: Record<string, unknown> } {
  const defsKey = dialect === 'draft-07' ? 'definitions' : '$defs';
  const local = `#/${defsKey}/leaf`;
  const external = `defs.schema.json#/${defsKey}/leaf`;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      Object.defineProperty(out, key, {
        value: key === '$ref' && value === local ? external : rewrite(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  const main = rewrite(schema) as Record<string, unknown>;
  const { leaf, ...rest } = main[defsKey] as Record<string, unknown>;
  main[defsKey] = rest;
  return { main, defs: { $schema: dialectUri[dialect], [defsKey]: { leaf } } };
}
