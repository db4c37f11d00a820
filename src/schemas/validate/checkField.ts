/**
 * One field's own constraints, checked in TypeScript from the FieldNode (no ajv call): the keystroke
 * path of validateField, and the wording for errors ajv finds at a field. It only knows what the node
 * records (type, null, enum, limits, length, pattern, format, items); the full validator remains the
 * authority and falls back to ajv's own error when this finds nothing.
 */

import type { Format } from 'ajv';
import type { FieldNode, ValidationError } from '../FieldModel';
import { say } from '../i18n/activeLocale';
import { jsonEquals } from '../jsonEquals';
import { listTextProblem } from './listTextProblem';
import { customMessage, enumMessage, formatMessage, limitMessage, typeMessage } from './messages';
import { safeRegExp } from './safePattern';

type FormatLookup = (name: string) => Format | undefined;

const patterns = new Map<string, { test(text: string): boolean }>();
function patternOf(source: string): { test(text: string): boolean } {
  let re = patterns.get(source);
  if (!re) {
    try {
      re = safeRegExp(source, 'u');
    } catch {
      re = { test: () => true }; // an invalid pattern is the linter's finding, not the user's
    }
    patterns.set(source, re);
  }
  return re;
}

function formatOk(format: Format | undefined, value: string): boolean {
  if (format === undefined || format === true) return true;
  if (typeof format === 'string') return patternOf(format).test(value);
  if (format instanceof RegExp) return format.test(value);
  if (typeof format === 'function') return format(value) !== false;
  if (typeof format === 'object' && 'validate' in format) {
    const v = format.validate;
    if (typeof v === 'string') return patternOf(v).test(value);
    if (v instanceof RegExp) return v.test(value);
    if (typeof v === 'function') return v(value as never) !== false;
  }
  return true;
}

type Push = (rule: string, message: string) => void;

/** A number's limits; `item` (1-based) names the list value they are about. */
function numberChecks(field: FieldNode, n: number, push: Push, item?: number): void {
  const u = field.units;
  const prefix = (message: string): string =>
    item === undefined ? message : say('validate.item', { n: item, message });
  if (field.minimum !== undefined && n < field.minimum)
    push('minimum', prefix(limitMessage('minimum', field.minimum, u)));
  if (field.maximum !== undefined && n > field.maximum)
    push('maximum', prefix(limitMessage('maximum', field.maximum, u)));
  if (field.exclusiveMinimum !== undefined && n <= field.exclusiveMinimum)
    push('exclusiveMinimum', prefix(limitMessage('exclusiveMinimum', field.exclusiveMinimum, u)));
  if (field.exclusiveMaximum !== undefined && n >= field.exclusiveMaximum)
    push('exclusiveMaximum', prefix(limitMessage('exclusiveMaximum', field.exclusiveMaximum, u)));
  if (field.multipleOf !== undefined && !isMultiple(n, field.multipleOf))
    push('multipleOf', prefix(limitMessage('multipleOf', field.multipleOf, u)));
}

function isMultiple(n: number, of: number): boolean {
  const q = n / of;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

function lengthChecks(field: FieldNode, text: string, push: Push): void {
  const length = field.minLength !== undefined || field.maxLength !== undefined ? [...text].length : 0;
  if (field.minLength !== undefined && length < field.minLength)
    push(
      'minLength',
      field.minLength === 1
        ? say('validate.notEmpty')
        : say('validate.minLength', { count: field.minLength }),
    );
  if (field.maxLength !== undefined && length > field.maxLength)
    push('maxLength', say('validate.maxLength', { count: field.maxLength }));
}

function formatCheck(field: FieldNode, text: string, push: Push, formats: FormatLookup): void {
  if (field.format !== undefined && !formatOk(formats(field.format), text))
    push('format', formatMessage(field.format));
}

function stringChecks(field: FieldNode, text: string, push: Push, formats: FormatLookup): void {
  lengthChecks(field, text, push);
  if (field.pattern !== undefined && !patternOf(field.pattern).test(text))
    push('pattern', say('validate.pattern', { pattern: field.pattern }));
  formatCheck(field, text, push, formats);
}

/**
 * Errors of one field's own constraints for `value` at instance pointer `pointer`. undefined (absent)
 * passes: presence is the parent's `required`. O(value size).
 */
export function checkField(
  field: FieldNode,
  pointer: string,
  value: unknown,
  formats: FormatLookup,
): ValidationError[] {
  const errors: ValidationError[] = [];
  const push = (rule: string, message: string): void => {
    errors.push({ pointer, rule, message: customMessage(field, rule) ?? message });
  };
  // A JSON field's constraints are only in its schema (a `false` position, an open tuple): guessing
  // from the node (null as "must have a value") disagreed with ajv's verdict (found by the fuzzer).
  if (value === undefined || !checkableInTs(field)) return errors;
  if (value === null) {
    if (!field.nullable) push('type', say('validate.hasValue'));
    return errors;
  }
  if (field.enum && field.kind === 'enum') {
    if (!field.enum.some((v) => jsonEquals(v, value))) push('enum', enumMessage(field.enum, field));
    return errors;
  }
  switch (field.kind) {
    case 'number':
    case 'integer': {
      let n: number | undefined;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string' && field.coercion === 'numberFromText') {
        const textPattern = field.hints.textPattern;
        const trimmed = value.trim();
        if (typeof textPattern === 'string' && !patternOf(textPattern).test(value)) n = undefined;
        else if (trimmed !== '' && Number.isFinite(Number(trimmed))) n = Number(trimmed);
      }
      if (n === undefined || !Number.isFinite(n)) push('type', typeMessage(field.kind));
      else if (field.kind === 'integer' && !Number.isInteger(n)) push('type', typeMessage('integer'));
      else numberChecks(field, n, push);
      break;
    }
    case 'boolean':
      if (typeof value !== 'boolean') push('type', typeMessage('boolean'));
      break;
    case 'string':
    case 'path':
    case 'dateTime':
      if (typeof value !== 'string') push('type', typeMessage('string'));
      else stringChecks(field, value, push, formats);
      break;
    case 'runList':
    case 'numberList':
    case 'binning': {
      if (typeof value === 'string' && field.listAs !== 'array') {
        // The schema's string limits hold for the text too (ajv checks them on submit).
        lengthChecks(field, value, push);
        const textPattern =
          typeof field.hints.textPattern === 'string' ? field.hints.textPattern : field.pattern;
        if (textPattern !== undefined && !patternOf(textPattern).test(value))
          push('pattern', say('validate.pattern', { pattern: textPattern }));
        else {
          const problem = listTextProblem(field, value);
          if (problem !== undefined) push(field.kind, problem);
        }
        formatCheck(field, value, push, formats);
        break;
      }
      // A list kept as text ("12345-12350") in the request must be text there: an array in its place
      // passed this check while the schema (and so validate) refused it (found by the fuzzer).
      if (field.listAs === 'text') {
        push('type', typeMessage('string'));
        break;
      }
      if (!Array.isArray(value)) {
        push('type', typeMessage('array'));
        break;
      }
      if (field.minItems !== undefined && value.length < field.minItems)
        push('minItems', say('validate.minItems', { count: field.minItems }));
      if (field.maxItems !== undefined && value.length > field.maxItems)
        push('maxItems', say('validate.maxItems', { count: field.maxItems }));
      value.forEach((item, i) => {
        const integer = field.kind === 'runList';
        if (typeof item !== 'number' || (integer && !Number.isInteger(item)))
          push(
            'type',
            say('validate.item', { n: i + 1, message: typeMessage(integer ? 'integer' : 'number') }),
          );
        else numberChecks(field, item, push, i + 1);
      });
      break;
    }
    default:
      break;
  }
  return errors;
}

/** True when checkField can decide this field alone (no ajv fragment needed). */
export function checkableInTs(field: FieldNode): boolean {
  return field.kind !== 'json';
}
