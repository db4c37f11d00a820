/**
 * Cross-field rules (x-lessThan, x-requires, x-atMostOneTrue, x-sameLength, x-requiredWhen) evaluated in
 * TypeScript against a value reader, once per row when the rule sits inside list rows. Every error
 * names all the fields involved in `related`, so the form can mark each. No ajv here: the rules are
 * not JSON Schema, and a keystroke must re-check only the rules that read the changed field.
 */
import type { FieldModel, ModelNode, Pointer, Rule, ValidationError } from '../FieldModel';
import { refsOf } from '../model/resolveRules';
import { getAt, instancePointer } from '../pointer';
import { type RequiredWhenCondition, resolveFieldRef } from '../vocabulary';
import { deepEqual } from './matchSchema';
import { describeValue, formatNumber, labelOf, withUnits } from './messages';

/** Reads a value by instance pointer (validateField swaps in the value being typed). */
export type ValueReader = (pointer: Pointer) => unknown;

/** Set means: not absent, not null, not "", not an empty list, not false. */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function toNumbers(value: unknown): number[] | undefined {
  if (Array.isArray(value)) return value.map((v) => toNumber(v) ?? Number.NaN);
  if (typeof value === 'string' && value.includes(','))
    return value.split(',').map((v) => toNumber(v) ?? Number.NaN);
  return undefined;
}

/** Every combination of row indexes for which the template's rows exist in the request. */
export function rowCombinations(template: string, read: ValueReader): number[][] {
  if (!template.includes('*')) return [[]];
  const star = template.indexOf('/*');
  const head = template.slice(0, star);
  const out: number[][] = [];
  const expand = (prefix: string, rest: string, indexes: number[]): void => {
    const i = rest.indexOf('/*');
    if (i < 0) {
      out.push(indexes);
      return;
    }
    const listPointer = prefix + rest.slice(0, i);
    const rows = read(listPointer);
    if (!Array.isArray(rows)) return;
    for (let r = 0; r < rows.length; r++) expand(`${listPointer}/${r}`, rest.slice(i + 2), [...indexes, r]);
  };
  expand('', head + template.slice(star), []);
  return out;
}

const targetCache = new WeakMap<Rule, string[]>();
/** The pointers a rule names (owner excluded), as absolute templates. */
function targetsOf(rule: Rule): string[] {
  let t = targetCache.get(rule);
  if (!t) {
    t = refsOf(rule.kind, rule.params).map((ref) => resolveFieldRef(rule.owner, ref));
    targetCache.set(rule, t);
  }
  return t;
}

/**
 * Errors of one rule for the rows `indexes` (empty outside lists). O(values read; list lengths for
 * element-wise lessThan and sameLength).
 */
export function evaluateRule(
  model: FieldModel,
  rule: Rule,
  read: ValueReader,
  indexes: readonly number[],
): ValidationError[] {
  const at = (template: string): Pointer => instancePointer(template, indexes);
  const node = (template: string): ModelNode | undefined => model.byPointer.get(template);
  const units = (template: string): string | undefined => {
    const n = node(template);
    return n?.type === 'field' ? n.units : undefined;
  };
  const label = (template: string): string =>
    labelOf(node(template), template.slice(template.lastIndexOf('/') + 1));
  const targets = targetsOf(rule);
  const related = [rule.owner, ...targets].filter((t, i, all) => all.indexOf(t) === i).map(at);
  const error = (pointer: string, message: string): ValidationError => ({
    pointer,
    rule: rule.kind,
    message: rule.message ?? message,
    related,
  });
  const errors: ValidationError[] = [];
  switch (rule.kind) {
    case 'lessThan': {
      const own = read(at(rule.owner));
      for (const target of targets) {
        const other = read(at(target));
        const a = toNumbers(own);
        const b = toNumbers(other);
        if (a || b) {
          const as = a ?? (toNumber(own) === undefined ? [] : [toNumber(own)!]);
          const bs = b ?? (toNumber(other) === undefined ? [] : [toNumber(other)!]);
          const n = a && b ? Math.min(as.length, bs.length) : Math.max(as.length, bs.length);
          for (let i = 0; i < n; i++) {
            const x = as[a ? i : 0];
            const y = bs[b ? i : 0];
            if (x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y) || x < y) continue;
            const which = a ? `value ${i + 1} (${formatNumber(x)}) must be` : 'must be';
            const whose = b ? `${label(target)} value ${i + 1}` : label(target);
            errors.push(
              error(at(rule.owner), `${which} less than ${whose} (${withUnits(y, units(target))})`),
            );
          }
        } else {
          const x = toNumber(own);
          const y = toNumber(other);
          if (x !== undefined && y !== undefined && !(x < y))
            errors.push(
              error(at(rule.owner), `must be less than ${label(target)} (${withUnits(y, units(target))})`),
            );
        }
      }
      break;
    }
    case 'requires': {
      if (!isSet(read(at(rule.owner)))) break;
      for (const target of targets) {
        if (!isSet(read(at(target))))
          errors.push(error(at(target), `${label(target)} is required when ${label(rule.owner)} is set`));
      }
      break;
    }
    case 'atMostOneTrue': {
      const on = targets.filter((t) => read(at(t)) === true);
      if (on.length > 1) {
        const names = targets.map(label).join(', ');
        errors.push(
          error(
            at(on[on.length - 1]!),
            `only one of ${names} may be on (${on.map(label).join(' and ')} are)`,
          ),
        );
      }
      break;
    }
    case 'sameLength': {
      const lengths = targets.map((t) => {
        const v = read(at(t));
        const list = Array.isArray(v) ? v : toNumbers(v);
        return list ? list.length : isSet(v) ? 1 : undefined;
      });
      const firstIndex = lengths.findIndex((n) => n !== undefined);
      if (firstIndex < 0) break;
      const first = lengths[firstIndex]!;
      targets.forEach((t, i) => {
        const n = lengths[i];
        if (n !== undefined && n !== first) {
          errors.push(
            error(at(t), `must have as many values as ${label(targets[firstIndex]!)} (${first}, not ${n})`),
          );
        }
      });
      break;
    }
    case 'requiredWhen': {
      const conditions = (
        Array.isArray(rule.params) ? rule.params : [rule.params]
      ) as RequiredWhenCondition[];
      const parts: string[] = [];
      const holds = conditions.every((c, i) => {
        const target = targets[i]!;
        const v = read(at(target));
        if ('equals' in c) {
          parts.push(`${label(target)} is ${describeValue(c.equals, node(target))}`);
          return deepEqual(v, c.equals);
        }
        if ('in' in c) {
          parts.push(`${label(target)} is ${c.in.map((x) => describeValue(x, node(target))).join(' or ')}`);
          return c.in.some((x) => deepEqual(v, x));
        }
        parts.push(`${label(target)} is ${c.set ? 'set' : 'not set'}`);
        return isSet(v) === c.set;
      });
      if (holds && !isSet(read(at(rule.owner))))
        errors.push(error(at(rule.owner), `${label(rule.owner)} is required when ${parts.join(' and ')}`));
      break;
    }
  }
  return errors;
}

/** Errors of one rule over every row combination present in the request. */
export function evaluateRuleEverywhere(model: FieldModel, rule: Rule, read: ValueReader): ValidationError[] {
  const template = rule.reads.reduce(
    (a, b) => (b.split('*').length > a.split('*').length ? b : a),
    rule.owner,
  );
  const errors: ValidationError[] = [];
  for (const indexes of rowCombinations(template, read))
    errors.push(...evaluateRule(model, rule, read, indexes));
  return errors;
}

/** A reader over a request object. */
export function readerOf(request: unknown): ValueReader {
  return (pointer) => getAt(request, pointer);
}
