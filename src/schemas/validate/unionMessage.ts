/**
 * One sentence for a field whose value fits none of its union's alternatives: "expected a number from
 * -90 to 270 degrees, a list of such numbers, or unset; got the text '-30, 60'", instead of one line
 * per alternative ("must be a number", "must be a list", "must be unset") for the same field.
 * ajv still judges; this only words its verdict.
 */

import type { FieldModel, FieldNode, ValidationError } from '../FieldModel';
import { activeLocale, say } from '../i18n/activeLocale';
import { listOf } from '../i18n/listOf';
import { getAt } from '../pointer';
import { customMessage, formatNumber, withUnits } from './messages';

type Raw = Record<string, unknown>;

const cache = new WeakMap<FieldNode, readonly Raw[] | null>();

/**
 * The alternatives of the anyOf/oneOf a field was built from (local refs followed), or undefined. A
 * number that may be written as text (coercion numberFromText) is one number field to its user: its
 * own check words it better ("must be a number").
 */
export function unionAlternatives(model: FieldModel, field: FieldNode): readonly Raw[] | undefined {
  if (field.coercion === 'numberFromText' || field.kind === 'enum') return undefined;
  const hit = cache.get(field);
  if (hit !== undefined) return hit ?? undefined;
  const follow = (schema: unknown, depth = 0): Raw | undefined => {
    if (schema === true) return {};
    if (schema === false) return { not: {} };
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
    const ref = (schema as Raw).$ref;
    if (typeof ref === 'string' && ref.startsWith('#') && depth < 16) {
      const target = follow(getAt(model.schema, ref), depth + 1);
      return target ? { ...target, ...(schema as Raw), $ref: undefined } : (schema as Raw);
    }
    return schema as Raw;
  };
  let node: Raw | undefined;
  try {
    node = follow(getAt(model.schema, field.location.schemaPointer));
  } catch {
    node = undefined;
  }
  const union = node?.anyOf ?? node?.oneOf;
  const alternatives = Array.isArray(union) && union.length > 1 ? union.map((a) => follow(a) ?? {}) : null;
  cache.set(field, alternatives);
  return alternatives ?? undefined;
}

const typesOf = (alt: Raw): string[] =>
  Array.isArray(alt.type) ? alt.type.map(String) : typeof alt.type === 'string' ? [alt.type] : [];

function range(alt: Raw, units: string | undefined): string {
  const n = (k: string) => (typeof alt[k] === 'number' ? (alt[k] as number) : undefined);
  const low = n('minimum') ?? n('exclusiveMinimum');
  const high = n('maximum') ?? n('exclusiveMaximum');
  if (low !== undefined && high !== undefined)
    return say('union.range.between', { low: formatNumber(low), high: withUnits(high, units) });
  if (low !== undefined) return say('union.range.atLeast', { limit: withUnits(low, units) });
  if (high !== undefined) return say('union.range.atMost', { limit: withUnits(high, units) });
  return units ? say('union.range.units', { units }) : '';
}

const sameLimits = (a: Raw, b: Raw): boolean =>
  ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].every((k) => a[k] === b[k]);

/**
 * One alternative in words, a phrase per type it allows: ["a number from 1 to 10 Å", "unset"]. Phrases,
 * not one string, so that "unset" allowed by two alternatives is said once (the fuzzer found "a number
 * or unset or unset").
 */
function describeAlternative(alt: Raw, all: readonly Raw[], units: string | undefined): string[] {
  if (Array.isArray(alt.enum))
    return [say('union.oneOf', { values: alt.enum.map((v) => JSON.stringify(v)).join(', ') })];
  if ('const' in alt) return [alt.const === null ? say('union.unset') : JSON.stringify(alt.const)];
  const types = typesOf(alt);
  if (types.length === 1 && types[0] === 'null') return [say('union.unset')];
  const words = types.map((type) => {
    switch (type) {
      case 'number':
        return say('union.number', { range: range(alt, units) });
      case 'integer':
        return say('union.integer', { range: range(alt, units) });
      case 'string':
        return typeof alt.pattern === 'string'
          ? say('union.textPattern', { pattern: alt.pattern })
          : say('validate.type.string');
      case 'boolean':
        return say('union.boolean');
      case 'null':
        return say('union.unset');
      case 'object':
        return say('validate.type.object');
      case 'array': {
        const items = alt.items && typeof alt.items === 'object' ? (alt.items as Raw) : {};
        const itemTypes = typesOf(items);
        if (itemTypes.includes('number') || itemTypes.includes('integer')) {
          const scalar = all.find(
            (a) => a !== alt && typesOf(a).some((t) => t === 'number' || t === 'integer'),
          );
          if (scalar && sameLimits(scalar, items)) return say('union.listOfSuch');
          return say(itemTypes.includes('integer') ? 'union.listOfIntegers' : 'union.listOfNumbers', {
            range: range(items, units),
          });
        }
        return say('validate.type.array');
      }
      default:
        return type;
    }
  });
  return words.length > 0 ? words : [say('union.otherForm')];
}

/** The value in words: "the text '-30, 60'", "the number 300", "a list of 3 values". */
function describeGot(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string')
    return say('union.got.text', { text: value.length > 40 ? `${value.slice(0, 37)}...` : value });
  if (typeof value === 'number') return say('union.got.number', { value: formatNumber(value) });
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return say('union.got.list', { count: value.length });
  return say('validate.type.object');
}

/** "a, b, or c"; "a or b". */
function oxford(parts: readonly string[]): string {
  return listOf(activeLocale(), [...new Set(parts)], 'disjunction');
}

/** The one error of a union field whose value fits none of its alternatives. */
export function unionError(
  field: FieldNode,
  alternatives: readonly Raw[],
  pointer: string,
  value: unknown,
  combinator: 'anyOf' | 'oneOf' = 'anyOf',
): ValidationError {
  const expected = oxford(alternatives.flatMap((a) => describeAlternative(a, alternatives, field.units)));
  return {
    pointer,
    rule: combinator,
    message: customMessage(field, combinator) ?? say('union.expected', { expected, got: describeGot(value) }),
  };
}
