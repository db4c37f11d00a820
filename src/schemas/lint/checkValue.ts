/**
 * A small JSON Schema checker for the linter: does a default (or a condition's value) satisfy the
 * schema it sits in? Covers types, enum/const, limits, lengths, patterns, items, properties and the
 * combinators; returns the first failure as a sentence in the active locale (linter.value.* keys; the
 * caller's withLocale picks it). Not the request validator: that is ajv's job.
 * Own code rather than one ajv compile per default: 5,000 defaults must lint in well under a second.
 */
import { activeLocale, say } from '../i18n/activeLocale';
import { listOf } from '../i18n/listOf';
import type { FormatCheck } from './formatCheck';
import type { LocalRefResolver } from './resolvePointer';
import { isSchemaObject, type SchemaObject } from './walkSubschemas';

/** Structural equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as SchemaObject)[k], (b as SchemaObject)[k]))
  );
}

/** The JSON type names a value has ("integer" values are also "number"). */
export function jsonTypesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

const patternCache = new Map<string, RegExp | null>();
function compilePattern(source: string): RegExp | null {
  let re = patternCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'u');
    } catch {
      re = null; // the unsafe-pattern rule reports it
    }
    patternCache.set(source, re);
  }
  return re;
}

/** Renders a value for a message, shortened. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The first reason `value` fails `schema`, or undefined when it passes. O(size of value × schema);
 * depth-limited so a recursive schema cannot loop. `formats` (when the schema's format policy asserts)
 * also checks `format`.
 */
export function checkValue(
  schema: unknown,
  value: unknown,
  refs: LocalRefResolver,
  depth = 0,
  formats?: FormatCheck,
): string | undefined {
  if (schema === false) return say('linter.value.nothingAllowed');
  if (!isSchemaObject(schema) || depth > 64) return undefined;
  if (typeof schema.$ref === 'string') {
    const target = refs.targetPointer(schema.$ref);
    if (target !== undefined) {
      const resolved = refs.resolve(schema, '');
      if (resolved.schema !== schema) {
        const failure = checkValue(resolved.schema, value, refs, depth + 1, formats);
        if (failure) return failure;
      }
    }
  }
  const types = jsonTypesOf(value);
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!allowed.some((t) => types.includes(t as string)))
      return say('linter.value.type', {
        value: show(value),
        types: listOf(activeLocale(), allowed.map(String), 'disjunction'),
      });
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => jsonEqual(e, value))) {
    return say('linter.value.enum', { value: show(value), allowed: schema.enum.map(show).join(', ') });
  }
  if (Object.hasOwn(schema, 'const') && !jsonEqual(schema.const, value))
    return say('linter.value.const', { value: show(value), expected: show(schema.const) });
  if (typeof value === 'number') {
    const n = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
    const min = n('minimum');
    const max = n('maximum');
    const xmin = n('exclusiveMinimum');
    const xmax = n('exclusiveMaximum');
    const step = n('multipleOf');
    if (min !== undefined && value < min)
      return say('linter.value.minimum', { value: String(value), limit: String(min) });
    if (max !== undefined && value > max)
      return say('linter.value.maximum', { value: String(value), limit: String(max) });
    if (xmin !== undefined && value <= xmin)
      return say('linter.value.exclusiveMinimum', { value: String(value), limit: String(xmin) });
    if (xmax !== undefined && value >= xmax)
      return say('linter.value.exclusiveMaximum', { value: String(value), limit: String(xmax) });
    if (step !== undefined && step > 0 && Math.abs(value / step - Math.round(value / step)) > 1e-9) {
      return say('linter.value.multipleOf', { value: String(value), step: String(step) });
    }
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength)
      return say('linter.value.minLength', { value: show(value), count: schema.minLength });
    if (typeof schema.maxLength === 'number' && length > schema.maxLength)
      return say('linter.value.maxLength', { value: show(value), count: schema.maxLength });
    if (typeof schema.pattern === 'string') {
      const re = compilePattern(schema.pattern);
      if (re && !re.test(value))
        return say('linter.value.pattern', { value: show(value), pattern: schema.pattern });
    }
    if (formats && typeof schema.format === 'string' && formats(schema.format, value) === false)
      return say('linter.value.format', { value: show(value), format: schema.format });
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      return say('linter.value.minItems', { value: show(value), count: schema.minItems });
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      return say('linter.value.maxItems', { value: show(value), count: schema.maxItems });
    const tuple = Array.isArray(schema.prefixItems)
      ? schema.prefixItems
      : Array.isArray(schema.items)
        ? schema.items
        : [];
    const rest = Array.isArray(schema.items) ? schema.additionalItems : schema.items;
    for (let i = 0; i < value.length; i++) {
      const failure = checkValue(i < tuple.length ? tuple[i] : rest, value[i], refs, depth + 1, formats);
      if (failure) return say('linter.value.item', { index: i, failure });
    }
  }
  if (isSchemaObject(value)) {
    if (Array.isArray(schema.required)) {
      const missing = schema.required.find((k) => typeof k === 'string' && !Object.hasOwn(value, k));
      if (missing !== undefined) return say('linter.value.required', { key: String(missing) });
    }
    const props = isSchemaObject(schema.properties) ? schema.properties : {};
    for (const key of Object.keys(value)) {
      const sub = Object.hasOwn(props, key) ? props[key] : schema.additionalProperties;
      const failure = checkValue(sub, value[key], refs, depth + 1, formats);
      if (failure) return say('linter.value.property', { key, failure });
    }
  }
  if (Array.isArray(schema.allOf)) {
    for (const sub of schema.allOf) {
      const failure = checkValue(sub, value, refs, depth + 1, formats);
      if (failure) return failure;
    }
  }
  if (
    Array.isArray(schema.anyOf) &&
    !schema.anyOf.some((s) => !checkValue(s, value, refs, depth + 1, formats))
  ) {
    return say('linter.value.anyOf', { value: show(value) });
  }
  if (Array.isArray(schema.oneOf)) {
    const matches = schema.oneOf.filter((s) => !checkValue(s, value, refs, depth + 1, formats)).length;
    if (matches !== 1) return say('linter.value.oneOf', { value: show(value), count: matches });
  }
  if (schema.not !== undefined && !checkValue(schema.not, value, refs, depth + 1, formats))
    return say('linter.value.not', { value: show(value) });
  return undefined;
}
