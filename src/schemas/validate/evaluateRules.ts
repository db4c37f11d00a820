/**
 * Cross-field rules (x-lessThan, x-requires, x-atMostOneTrue, x-sameLength, x-requiredWhen) evaluated in
 * TypeScript against a value reader, once per row when the rule sits inside list rows. Every error
 * names all the fields involved in `related`, so the form can mark each. No ajv here: the rules are
 * not JSON Schema, and a keystroke must re-check only the rules that read the changed field.
 */

import type { FieldModel, Pointer, Rule, ValidationError } from '../FieldModel';
import { activeLocale, say } from '../i18n/activeLocale';
import { listOf } from '../i18n/listOf';
import { jsonEquals } from '../jsonEquals';
import { refsOf } from '../model/resolveRules';
import { getAt, instancePointer } from '../pointer';
import { type RequiredWhenCondition, resolveFieldRef } from '../vocabulary';
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

interface Prepared {
  /** The pointers the rule names (owner excluded), as absolute templates. */
  readonly targets: string[];
  /** Owner and targets, each once: the `related` of its errors. */
  readonly involved: string[];
  /** The read with the most "*" segments: its rows are the rows the rule runs on. */
  readonly rowTemplate: string;
}
const prepared = new WeakMap<Rule, Prepared>();
function prepare(rule: Rule): Prepared {
  let p = prepared.get(rule);
  if (!p) {
    const targets = refsOf(rule.kind, rule.params).map((ref) => resolveFieldRef(rule.owner, ref));
    const involved = [rule.owner, ...targets].filter((t, i, all) => all.indexOf(t) === i);
    const stars = (t: string): number => t.split('/*').length;
    const rowTemplate = rule.reads.reduce((a, b) => (stars(b) > stars(a) ? b : a), rule.owner);
    p = { targets, involved, rowTemplate };
    prepared.set(rule, p);
  }
  return p;
}

function at(template: string, indexes: readonly number[]): Pointer {
  return indexes.length === 0 ? template : instancePointer(template, indexes);
}

function unitsAt(model: FieldModel, template: string): string | undefined {
  const n = model.byPointer.get(template);
  return n?.type === 'field' ? n.units : undefined;
}

function labelAt(model: FieldModel, template: string): string {
  return labelOf(model.byPointer.get(template), template.slice(template.lastIndexOf('/') + 1));
}

function ruleError(
  rule: Rule,
  indexes: readonly number[],
  pointer: Pointer,
  message: string,
): ValidationError {
  return {
    pointer,
    rule: rule.kind,
    message: rule.message ?? message,
    related: prepare(rule).involved.map((t) => at(t, indexes)),
  };
}

function conditionHolds(c: RequiredWhenCondition, value: unknown): boolean {
  if ('equals' in c) return jsonEquals(value, c.equals);
  if ('in' in c) return c.in.some((x) => jsonEquals(value, x));
  return isSet(value) === c.set;
}

function describeCondition(model: FieldModel, c: RequiredWhenCondition, target: string): string {
  const node = model.byPointer.get(target);
  if ('equals' in c)
    return say('rule.condition.is', { label: labelAt(model, target), value: describeValue(c.equals, node) });
  if ('in' in c)
    return say('rule.condition.is', {
      label: labelAt(model, target),
      value: listOf(
        activeLocale(),
        c.in.map((x) => describeValue(x, node)),
        'disjunction',
      ),
    });
  return say(c.set ? 'rule.condition.set' : 'rule.condition.notSet', { label: labelAt(model, target) });
}

/**
 * Errors of one rule for the rows `indexes` (empty outside lists). O(values read; list lengths for
 * element-wise lessThan and sameLength). Labels and messages are built only when a rule fails.
 */
export function evaluateRule(
  model: FieldModel,
  rule: Rule,
  read: ValueReader,
  indexes: readonly number[],
): ValidationError[] {
  const { targets } = prepare(rule);
  const errors: ValidationError[] = [];
  switch (rule.kind) {
    case 'lessThan': {
      const own = read(at(rule.owner, indexes));
      for (const target of targets) {
        const other = read(at(target, indexes));
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
            const whose = b
              ? say('rule.lessThan.whoseItem', { label: labelAt(model, target), n: i + 1 })
              : labelAt(model, target);
            const limit = withUnits(y, unitsAt(model, target));
            errors.push(
              ruleError(
                rule,
                indexes,
                at(rule.owner, indexes),
                a
                  ? say('rule.lessThan.item', { n: i + 1, value: formatNumber(x), other: whose, limit })
                  : say('rule.lessThan', { other: whose, limit }),
              ),
            );
          }
        } else {
          const x = toNumber(own);
          const y = toNumber(other);
          if (x !== undefined && y !== undefined && !(x < y))
            errors.push(
              ruleError(
                rule,
                indexes,
                at(rule.owner, indexes),
                say('rule.lessThan', {
                  other: labelAt(model, target),
                  limit: withUnits(y, unitsAt(model, target)),
                }),
              ),
            );
        }
      }
      break;
    }
    case 'requires': {
      if (!isSet(read(at(rule.owner, indexes)))) break;
      for (const target of targets) {
        if (!isSet(read(at(target, indexes))))
          errors.push(
            ruleError(
              rule,
              indexes,
              at(target, indexes),
              say('validate.requiredWhenSet', {
                label: labelAt(model, target),
                other: labelAt(model, rule.owner),
              }),
            ),
          );
      }
      break;
    }
    case 'atMostOneTrue': {
      const on = targets.filter((t) => read(at(t, indexes)) === true);
      if (on.length > 1) {
        // "A and B are both on; turn one off", not "only one of A, B may be on (A and B are)".
        const onNames = on.map((t) => labelAt(model, t));
        const listed = listOf(activeLocale(), onNames);
        const message =
          on.length === targets.length
            ? say('rule.atMostOneTrue.all', { listed, count: on.length })
            : say('rule.atMostOneTrue.some', {
                listed,
                all: targets.map((t) => labelAt(model, t)).join(', '),
              });
        errors.push(ruleError(rule, indexes, at(on[on.length - 1]!, indexes), message));
      }
      break;
    }
    case 'sameLength': {
      const lengths = targets.map((t) => {
        const v = read(at(t, indexes));
        // Only lists that are set are compared: an empty list (a field left at its default []) is not.
        if (!isSet(v)) return undefined;
        const list = Array.isArray(v) ? v : toNumbers(v);
        return list ? list.length : 1;
      });
      const firstIndex = lengths.findIndex((n) => n !== undefined);
      if (firstIndex < 0) break;
      const first = lengths[firstIndex]!;
      targets.forEach((t, i) => {
        const n = lengths[i];
        if (n !== undefined && n !== first) {
          errors.push(
            ruleError(
              rule,
              indexes,
              at(t, indexes),
              say('rule.sameLength', {
                other: labelAt(model, targets[firstIndex]!),
                expected: first,
                got: n,
              }),
            ),
          );
        }
      });
      break;
    }
    case 'requiredWhen': {
      const conditions = (
        Array.isArray(rule.params) ? rule.params : [rule.params]
      ) as RequiredWhenCondition[];
      const holds = conditions.every((c, n) => conditionHolds(c, read(at(targets[n]!, indexes))));
      if (!holds || isSet(read(at(rule.owner, indexes)))) break;
      const parts = conditions.map((c, n) => describeCondition(model, c, targets[n]!));
      errors.push(
        ruleError(
          rule,
          indexes,
          at(rule.owner, indexes),
          say('rule.requiredWhen', {
            label: labelAt(model, rule.owner),
            when: listOf(activeLocale(), parts),
          }),
        ),
      );
      break;
    }
  }
  return errors;
}

/** Errors of one rule over every row combination present in the request. */
export function evaluateRuleEverywhere(model: FieldModel, rule: Rule, read: ValueReader): ValidationError[] {
  const { rowTemplate } = prepare(rule);
  if (!rowTemplate.includes('*')) return evaluateRule(model, rule, read, []);
  const errors: ValidationError[] = [];
  for (const indexes of rowCombinations(rowTemplate, read))
    errors.push(...evaluateRule(model, rule, read, indexes));
  return errors;
}

/** A reader over a request object. */
export function readerOf(request: unknown): ValueReader {
  return (pointer) => getAt(request, pointer);
}
