/**
 * Formulary's schema vocabulary: our x- keywords, the RJSF uiSchema keys we accept inline, and the JSON
 * Schema keywords of each dialect. The loader warns on anything else, the validator registers these
 * with ajv, the linter offers "did you mean". Data and tiny pure helpers only: no ajv import here, so
 * every consumer shares one list without pulling a compiler in. docs/vocabulary.md explains each one.
 */
import type { Dialect, PointerTemplate, RuleKind } from './FieldModel';

/** JSON types a keyword's value may have (ajv's `schemaType` for addKeyword). */
export type KeywordValueType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

export interface KeywordSpec {
  readonly name: string;
  /** Human-readable shape of the value, as docs/vocabulary.md shows it. */
  readonly shape: string;
  /** For ajv addKeyword({keyword, schemaType}). */
  readonly valueTypes: readonly KeywordValueType[];
  /** A JSON Schema (draft-07 subset, dialect-neutral) of the keyword's value: ajv's `metaSchema`. */
  readonly valueSchema: Readonly<Record<string, unknown>>;
  /** For cross-field rule keywords: the RuleKind it becomes in the FieldModel. */
  readonly rule?: RuleKind;
}

/** A JSON Pointer to another field: absolute ("/reduction/Qmax") or relative ("1/Qmax", "0"). */
export type FieldRef = string;

/** x-input values: how typed text becomes the stored value. */
export type InputKind = 'run-list' | 'number-list' | 'path';
export const inputKinds: readonly InputKind[] = ['run-list', 'number-list', 'path'];

/** x-lessThan: this field < each named field (element-wise when both are lists). */
export type LessThanValue = FieldRef | readonly FieldRef[];
/** x-requires: when this field is set, each named field must be set. */
export type RequiresValue = FieldRef | readonly FieldRef[];
/** x-atMostOneTrue: of the named fields (two or more), at most one is `true`. */
export type AtMostOneTrueValue = readonly FieldRef[];
/** x-sameLength: the named list fields (two or more) that are set have the same length. */
export type SameLengthValue = readonly FieldRef[];

/**
 * One condition of x-requiredWhen, on another field's value. Exactly one of `equals`, `in`, `set`:
 * `equals` (deep equality), `in` (any of these values), `set` (true: the field is set; false: unset).
 */
export type RequiredWhenCondition =
  | { readonly pointer: FieldRef; readonly equals: unknown }
  | { readonly pointer: FieldRef; readonly in: readonly unknown[] }
  | { readonly pointer: FieldRef; readonly set: boolean };
/** x-requiredWhen: this field must be set when the condition holds (an array: when all hold). */
export type RequiredWhenValue = RequiredWhenCondition | readonly RequiredWhenCondition[];

/** x-messages: a custom message per rule kind or JSON Schema keyword of this node. */
export type MessagesValue = Readonly<Record<string, string>>;

const fieldRef = { type: 'string', pattern: '^(/.*|(0|[1-9][0-9]*)(/.*)?)$' };
const fieldRefs = { type: 'array', items: fieldRef, minItems: 1 };
const condition = {
  type: 'object',
  required: ['pointer'],
  properties: { pointer: fieldRef, equals: {}, in: { type: 'array' }, set: { type: 'boolean' } },
  // `pointer` plus exactly one of equals / in / set
  additionalProperties: false,
  minProperties: 2,
  maxProperties: 2,
};

/** Our keywords, in the order docs/vocabulary.md lists them. */
export const formularyKeywords: readonly KeywordSpec[] = [
  /** Show this field (or every field of this object) in the collapsed "Advanced" part. */
  {
    name: 'x-advanced',
    shape: 'boolean',
    valueTypes: ['boolean'],
    valueSchema: { type: 'boolean' },
  },
  /** The unit of a number or list of numbers, shown beside the input and in messages. */
  {
    name: 'x-units',
    shape: 'string, e.g. "Å", "1/Å", "mm"',
    valueTypes: ['string'],
    valueSchema: { type: 'string', minLength: 1 },
  },
  /** Sort key among siblings: stable ascending sort, a node without x-order counts as 0. */
  {
    name: 'x-order',
    shape: 'number (negative moves up, positive moves down)',
    valueTypes: ['number', 'integer'],
    valueSchema: { type: 'number' },
  },
  /** A named section of the parent object this field is shown in; same name, same section. */
  {
    name: 'x-group',
    shape: 'string',
    valueTypes: ['string'],
    valueSchema: { type: 'string', minLength: 1 },
  },
  /** Name of a registered widget to prefer for this field (same as ui:widget). */
  {
    name: 'x-widget',
    shape: 'string',
    valueTypes: ['string'],
    valueSchema: { type: 'string', minLength: 1 },
  },
  /** How typed text becomes the value: run list, number list, or a file path. */
  {
    name: 'x-input',
    shape: '"run-list" | "number-list" | "path"',
    valueTypes: ['string'],
    valueSchema: { enum: [...inputKinds] },
  },
  /** Hint text shown in an empty input (same as ui:placeholder). */
  {
    name: 'x-placeholder',
    shape: 'string',
    valueTypes: ['string'],
    valueSchema: { type: 'string' },
  },
  /** This field must be less than each named field (element-wise when both are lists). */
  {
    name: 'x-lessThan',
    shape: 'FieldRef | FieldRef[], e.g. "1/Qmax"',
    valueTypes: ['string', 'array'],
    valueSchema: { anyOf: [fieldRef, fieldRefs] },
    rule: 'lessThan',
  },
  /** When this field is set, each named field must be set too. */
  {
    name: 'x-requires',
    shape: 'FieldRef | FieldRef[], e.g. ["1/partner"]',
    valueTypes: ['string', 'array'],
    valueSchema: { anyOf: [fieldRef, fieldRefs] },
    rule: 'requires',
  },
  /** Of the named boolean fields, at most one may be true. */
  {
    name: 'x-atMostOneTrue',
    shape: 'FieldRef[] (two or more), e.g. on an object ["0/useA", "0/useB"]',
    valueTypes: ['array'],
    valueSchema: { ...fieldRefs, minItems: 2 },
    rule: 'atMostOneTrue',
  },
  /** The named list fields that are set must have the same number of items. */
  {
    name: 'x-sameLength',
    shape: 'FieldRef[] (two or more), e.g. on an object ["0/wedgeMin", "0/wedgeMax"]',
    valueTypes: ['array'],
    valueSchema: { ...fieldRefs, minItems: 2 },
    rule: 'sameLength',
  },
  /** This field must be set when a condition on another field holds (an array: all hold). */
  {
    name: 'x-requiredWhen',
    shape: '{pointer, equals} | {pointer, in: [...]} | {pointer, set: boolean}, or an array of them',
    valueTypes: ['object', 'array'],
    valueSchema: { anyOf: [condition, { type: 'array', items: condition, minItems: 1 }] },
    rule: 'requiredWhen',
  },
  /** Custom error messages for this node, keyed by rule kind or JSON Schema keyword. */
  {
    name: 'x-messages',
    shape: '{ [ruleKindOrKeyword]: string }, e.g. {"lessThan": "Q min must be below Q max"}',
    valueTypes: ['object'],
    valueSchema: { type: 'object', additionalProperties: { type: 'string' } },
  },
];

/** RJSF uiSchema keys accepted inline in a schema node (RJSF's meaning; see docs/vocabulary.md). */
export const uiSchemaKeys: readonly KeywordSpec[] = [
  /** On an object: property names in display order; "*" stands for all the others. */
  {
    name: 'ui:order',
    shape: 'string[]',
    valueTypes: ['array'],
    valueSchema: { type: 'array', items: { type: 'string' } },
  },
  /** Widget name to prefer (same as x-widget). */
  {
    name: 'ui:widget',
    shape: 'string',
    valueTypes: ['string'],
    valueSchema: { type: 'string' },
  },
  /** Free-form options passed to the widget. */
  {
    name: 'ui:options',
    shape: 'object',
    valueTypes: ['object'],
    valueSchema: { type: 'object' },
  },
  /** Label shown instead of title. */
  {
    name: 'ui:title',
    shape: 'string',
    valueTypes: ['string'],
    valueSchema: { type: 'string' },
  },
  /** Help text shown below the input. */
  {
    name: 'ui:help',
    shape: 'string',
    valueTypes: ['string'],
    valueSchema: { type: 'string' },
  },
  /** Description shown instead of description. */
  {
    name: 'ui:description',
    shape: 'string',
    valueTypes: ['string'],
    valueSchema: { type: 'string' },
  },
  /** Hint text in an empty input (same as x-placeholder). */
  {
    name: 'ui:placeholder',
    shape: 'string',
    valueTypes: ['string'],
    valueSchema: { type: 'string' },
  },
];

/** Rule keyword name for each RuleKind. */
export const ruleKeywordOf: Readonly<Record<RuleKind, string>> = {
  lessThan: 'x-lessThan',
  requires: 'x-requires',
  atMostOneTrue: 'x-atMostOneTrue',
  sameLength: 'x-sameLength',
  requiredWhen: 'x-requiredWhen',
};

/**
 * Annotations outside JSON Schema that real schemas carry and tools understand; known in every dialect.
 * enumNames: RJSF's legacy labels for `enum` values (the model reads them as enumLabels).
 */
export const acceptedExtraKeywords: readonly string[] = ['enumNames'];

const sharedKeywords = [
  '$schema',
  '$id',
  '$ref',
  '$comment',
  // `definitions` and `dependencies` left the spec in 2019-09, but ajv and real schemas still use them.
  'definitions',
  'dependencies',
  // ajv accepts `$defs` in draft-07 too; the loader writes draft-07 bundles under `definitions`.
  '$defs',
  'title',
  'description',
  'default',
  'readOnly',
  'writeOnly',
  'examples',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'items',
  'maxItems',
  'minItems',
  'uniqueItems',
  'contains',
  'maxProperties',
  'minProperties',
  'required',
  'additionalProperties',
  'properties',
  'patternProperties',
  'propertyNames',
  'const',
  'enum',
  'type',
  'format',
  'contentMediaType',
  'contentEncoding',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
];
const since201909 = [
  '$anchor',
  '$vocabulary',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedItems',
  'unevaluatedProperties',
  'maxContains',
  'minContains',
  'deprecated',
  'contentSchema',
];

const dialectKeywords: Readonly<Record<Dialect, readonly string[]>> = {
  'draft-07': [...sharedKeywords, 'additionalItems'],
  '2019-09': [...sharedKeywords, ...since201909, 'additionalItems', '$recursiveRef', '$recursiveAnchor'],
  '2020-12': [...sharedKeywords, ...since201909, 'prefixItems', '$dynamicRef', '$dynamicAnchor'],
};

/** The JSON Schema keywords of one dialect (as ajv's matching class knows them). */
export function jsonSchemaKeywords(dialect: Dialect): readonly string[] {
  return dialectKeywords[dialect];
}

const ourNames = [...formularyKeywords, ...uiSchemaKeys].map((k) => k.name);
const knownCache = new Map<Dialect, ReadonlySet<string>>();

/** Every keyword the loader accepts without a warning in this dialect: JSON Schema's, ours, ui:, extras. */
export function knownKeywords(dialect: Dialect): ReadonlySet<string> {
  let known = knownCache.get(dialect);
  if (!known) {
    known = new Set([...dialectKeywords[dialect], ...ourNames, ...acceptedExtraKeywords]);
    knownCache.set(dialect, known);
  }
  return known;
}

/** Our keyword or ui: key by name, or undefined. */
export function vocabularyKeyword(name: string): KeywordSpec | undefined {
  return formularyKeywords.find((k) => k.name === name) ?? uiSchemaKeys.find((k) => k.name === name);
}

const relativePointer = /^(0|[1-9][0-9]*)((?:\/.*)?)$/;

/**
 * Resolve a rule's FieldRef against the pointer (template) of the node that carries the keyword.
 * Absolute refs ("/a/b") are returned as they are; relative ones follow Relative JSON Pointer: the
 * leading integer climbs that many levels (0 = the node itself, 1 = its parent object), then the rest
 * is appended. Inside lists the "*" row segment climbs like any other.
 * Example: resolveFieldRef('/reduction/Qmin', '1/Qmax') === '/reduction/Qmax'.
 * Throws when the ref climbs above the root or is not a pointer. O(depth).
 */
export function resolveFieldRef(owner: PointerTemplate, ref: FieldRef): PointerTemplate {
  if (ref === '' || ref.startsWith('/')) return ref;
  const match = relativePointer.exec(ref);
  if (!match) throw new Error(`"${ref}" is not a JSON Pointer ("/a/b") or relative pointer ("1/b")`);
  const up = Number(match[1]);
  const segments = owner === '' ? [] : owner.slice(1).split('/');
  if (up > segments.length) {
    throw new Error(
      `"${ref}" climbs ${up} levels above "${owner || '/'}", which is only ${segments.length} deep`,
    );
  }
  const base = segments.slice(0, segments.length - up);
  return (base.length ? `/${base.join('/')}` : '') + (match[2] ?? '');
}
