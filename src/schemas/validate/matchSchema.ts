/**
 * Fast path for the small schemas conditions test (`if: {properties: {mode: {const: "wedge"}}}`):
 * evaluated in TypeScript without ajv. Returns undefined for any keyword it does not know, and the
 * caller then asks ajv: this never guesses. const and enum compare with jsonEquals,
 * as ajv's do.
 */
import { jsonEquals } from '../jsonEquals';

const ignored = new Set(['title', 'description', '$comment', 'examples', 'default', 'x-units', 'readOnly']);

function typeMatches(type: unknown, value: unknown): boolean {
  const one = (t: unknown): boolean => {
    switch (t) {
      case 'null':
        return value === null;
      case 'boolean':
        return typeof value === 'boolean';
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'string':
        return typeof value === 'string';
      case 'array':
        return Array.isArray(value);
      case 'object':
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      default:
        return false;
    }
  };
  return Array.isArray(type) ? type.some(one) : one(type);
}

/** Whether `value` matches `schema`, or undefined when the schema uses a keyword this does not evaluate. */
export function matchSchema(schema: unknown, value: unknown): boolean | undefined {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (schema === null || typeof schema !== 'object') return undefined;
  let result = true;
  for (const [keyword, arg] of Object.entries(schema)) {
    let ok: boolean | undefined;
    switch (keyword) {
      case 'const':
        ok = jsonEquals(value, arg);
        break;
      case 'enum':
        ok = Array.isArray(arg) && arg.some((v) => jsonEquals(value, v));
        break;
      case 'type':
        ok = typeMatches(arg, value);
        break;
      case 'minimum':
        ok = typeof value !== 'number' || value >= (arg as number);
        break;
      case 'maximum':
        ok = typeof value !== 'number' || value <= (arg as number);
        break;
      case 'exclusiveMinimum':
        ok = typeof value !== 'number' || typeof arg !== 'number' || value > arg;
        break;
      case 'exclusiveMaximum':
        ok = typeof value !== 'number' || typeof arg !== 'number' || value < arg;
        break;
      case 'minLength':
        ok = typeof value !== 'string' || [...value].length >= (arg as number);
        break;
      case 'required':
        ok =
          value === null ||
          typeof value !== 'object' ||
          Array.isArray(value) ||
          (Array.isArray(arg) && arg.every((k) => Object.hasOwn(value, String(k))));
        break;
      case 'properties': {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) break;
        for (const [key, sub] of Object.entries(arg as Record<string, unknown>)) {
          if (!Object.hasOwn(value, key)) continue;
          const m = matchSchema(sub, (value as Record<string, unknown>)[key]);
          if (m === undefined) return undefined;
          if (!m) ok = false;
        }
        break;
      }
      case 'not': {
        const m = matchSchema(arg, value);
        if (m === undefined) return undefined;
        ok = !m;
        break;
      }
      case 'allOf':
      case 'anyOf': {
        if (!Array.isArray(arg)) return undefined;
        const ms = arg.map((s) => matchSchema(s, value));
        if (ms.includes(undefined)) return undefined;
        ok = keyword === 'allOf' ? ms.every(Boolean) : ms.some(Boolean);
        break;
      }
      default:
        if (!ignored.has(keyword)) return undefined;
    }
    if (ok === false) result = false;
  }
  return result;
}
