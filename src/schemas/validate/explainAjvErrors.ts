/**
 * ajv's raw errors -> ValidationErrors a scientist reads: one field, one sentence, with label and units.
 * Union noise ("must be number", "must be null", "must match a schema in anyOf") collapses into the
 * field's own check; a choice reports only its selected branch. ajv stays the judge of *whether* a
 * value is wrong; this file only decides *where* and *how to say it*.
 */

import type { ErrorObject, Format } from 'ajv';
import type { ChoiceNode, FieldModel, FieldNode, ModelNode, ValidationError } from '../FieldModel';
import { activeLocale, say as t } from '../i18n/activeLocale';
import { listOf } from '../i18n/listOf';
import { selectBranch } from '../model/selectBranch';
import { childPointer, formatPointer, getAt, parsePointer } from '../pointer';
import { checkField } from './checkField';
import type { CompiledSchema } from './compileSchema';
import { keywordMessage } from './keywordMessage';
import { customMessage, labelOf } from './messages';
import { nearestNode, templateOf } from './modelIndex';
import { unionAlternatives, unionError } from './unionMessage';

export interface ExplainContext {
  readonly model: FieldModel;
  readonly compiled: CompiledSchema;
  readonly formats: (name: string) => Format | undefined;
}

const depth = (template: string): number => (template === '' ? 0 : template.split('/').length - 1);
const truncate = (pointer: string, levels: number): string =>
  formatPointer(parsePointer(pointer).slice(0, levels));

function innermostChoice(
  model: FieldModel,
  template: string,
  skip: ReadonlySet<string>,
  pointer: string,
): ChoiceNode | undefined {
  let t = template;
  for (;;) {
    const node = model.byPointer.get(t);
    if (node?.type === 'choice' && !skip.has(truncate(pointer, depth(t)))) return node;
    if (t === '') return undefined;
    t = t.slice(0, t.lastIndexOf('/'));
  }
}

/** "<label> is required" (or the schema's x-messages.required), with " when <label> is set" for a dependency. */
export function missingMessage(
  node: ModelNode | undefined,
  key: string,
  because?: { label: string },
): string {
  const custom = customMessage(node, 'required');
  if (custom) return custom;
  return because
    ? t('validate.requiredWhenSet', { label: labelOf(node, key), other: because.label })
    : t('validate.required', { label: labelOf(node, key) });
}

/** One ajv error in words, for a node (field or not) at `pointer`; the schema's x-messages first. */
export function explainOne(e: ErrorObject, node: ModelNode | undefined, pointer: string): ValidationError {
  const field = node?.type === 'field' ? (node as FieldNode) : undefined;
  return {
    pointer,
    rule: e.keyword,
    message: customMessage(node, e.keyword) ?? keywordMessage(e, field),
  };
}

/** Turns ajv errors (instancePath relative to `base`) into ValidationErrors. O(errors x depth). */
export function explainAjvErrors(
  ctx: ExplainContext,
  request: unknown,
  errors: readonly ErrorObject[],
  base = '',
  skipChoices: ReadonlySet<string> = new Set(),
): ValidationError[] {
  const { model } = ctx;
  const out: ValidationError[] = [];
  const fieldsDone = new Map<string, boolean>(); // field pointer -> checkField found the errors
  const choicesDone = new Set<string>();
  // Unions that failed where no other message was given: each still gets one (ajv is the judge).
  const unions: [ErrorObject, string][] = [];
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === '$ref') continue; // the errors of `then`/the target say it better
    const pointer = base + e.instancePath;
    const p = e.params as Record<string, unknown>;
    const template = templateOf(model, pointer);
    const choice = innermostChoice(model, template, skipChoices, pointer);
    if (choice) {
      const at = truncate(pointer, depth(choice.pointer));
      if (choicesDone.has(at)) continue;
      choicesDone.add(at);
      out.push(...explainChoice(ctx, request, choice, at, skipChoices));
      continue;
    }
    if (e.keyword === 'required' || e.keyword === 'dependencies' || e.keyword === 'dependentRequired') {
      const key = String(p.missingProperty);
      const child = childPointer(pointer, key);
      const node = model.byPointer.get(templateOf(model, child));
      const because =
        p.property !== undefined
          ? model.byPointer.get(templateOf(model, childPointer(pointer, String(p.property))))
          : undefined;
      const becauseLabel =
        p.property !== undefined ? { label: labelOf(because, String(p.property)) } : undefined;
      out.push({ pointer: child, rule: 'required', message: missingMessage(node, key, becauseLabel) });
      continue;
    }
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      out.push({
        pointer: childPointer(pointer, key),
        rule: e.keyword,
        message: t('validate.unknownKey', { key }),
      });
      continue;
    }
    const node = nearestNode(model, template);
    if (node?.type === 'field') {
      const fieldPointer = truncate(pointer, depth(node.pointer));
      // A union field that fits none of its alternatives: one sentence naming them all.
      const alternatives = unionAlternatives(model, node);
      if (alternatives && !passedTwo(errors, base, fieldPointer)) {
        if (!fieldsDone.has(fieldPointer)) {
          fieldsDone.set(fieldPointer, true);
          out.push(unionError(node, alternatives, fieldPointer, getAt(request, fieldPointer)));
        }
        continue;
      }
      let found = fieldsDone.get(fieldPointer);
      if (found === undefined) {
        const own = checkField(node, fieldPointer, getAt(request, fieldPointer), ctx.formats);
        out.push(...own);
        found = own.length > 0;
        fieldsDone.set(fieldPointer, found);
      }
      if (found) continue;
      if (e.keyword === 'anyOf' || e.keyword === 'oneOf') unions.push([e, fieldPointer]);
      else out.push(explainOne(e, node, fieldPointer));
      continue;
    }
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') unions.push([e, pointer]);
    else out.push(explainOne(e, node, pointer));
  }
  for (const [e, pointer] of unions) {
    if (out.some((o) => o.pointer === pointer || o.pointer.startsWith(`${pointer}/`))) continue;
    out.push(unionMessage(e, model.byPointer.get(templateOf(model, pointer)), pointer));
  }
  // Whatever ajv refused is reported, even where no rule above knows how to word it.
  if (out.length === 0 && errors.length > 0) {
    const e = errors.find((x) => x.keyword !== 'if' && x.keyword !== '$ref') ?? errors[0]!;
    const pointer = base + e.instancePath;
    out.push(explainOne(e, nearestNode(model, templateOf(model, pointer)), pointer));
  }
  return out;
}

/** True when ajv says a oneOf at `pointer` matched more than one alternative (not "none fits"). */
function passedTwo(errors: readonly ErrorObject[], base: string, pointer: string): boolean {
  return errors.some(
    (e) =>
      e.keyword === 'oneOf' &&
      base + e.instancePath === pointer &&
      Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas),
  );
}

/** One message for a failed anyOf/oneOf: none of the options fits, or (oneOf) more than one does. */
function unionMessage(e: ErrorObject, node: ModelNode | undefined, pointer: string): ValidationError {
  const passing = (e.params as { passingSchemas?: unknown }).passingSchemas;
  const message = Array.isArray(passing)
    ? t('validate.union.several', {
        options: listOf(
          activeLocale(),
          passing.map((i) => String(Number(i) + 1)),
        ),
      })
    : t('validate.union.none');
  return { pointer, rule: e.keyword, message: customMessage(node, e.keyword) ?? message };
}

/** Errors inside a choice: the selected branch, validated alone; or a bad discriminator. */
function explainChoice(
  ctx: ExplainContext,
  request: unknown,
  choice: ChoiceNode,
  at: string,
  skipChoices: ReadonlySet<string>,
): ValidationError[] {
  const value = getAt(request, at);
  if (value === null && choice.nullable) return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      {
        pointer: at,
        rule: 'type',
        message: choice.nullable ? t('validate.choice.orUnset') : t('validate.choice.required'),
      },
    ];
  }
  if (choice.discriminator !== undefined) {
    const wanted = JSON.stringify((value as Record<string, unknown>)[choice.discriminator]);
    if (!choice.branches.some((b) => JSON.stringify(b.discriminatorValue) === wanted)) {
      const values = choice.branches.map((b) => b.discriminatorValue);
      const labels = choice.branches.map((b) => t('validate.quoted', { text: b.label }));
      return [
        {
          pointer: childPointer(at, choice.discriminator),
          rule: 'enum',
          message: customMessage(choice, 'enum') ?? t('validate.enum', { values: labels.join(', ') }),
          related: [at],
        },
      ].filter(() => values.length > 0);
    }
  }
  const branch = choice.branches.find((b) => b.id === selectBranch(choice, value)) ?? choice.branches[0];
  const fragment = branch && ctx.compiled.fragment(branch.node.location.schemaPointer);
  if (!branch || !fragment)
    return [{ pointer: at, rule: choice.combinator, message: t('validate.union.none') }];
  if (fragment(value)) {
    return choice.combinator === 'oneOf'
      ? [
          {
            pointer: at,
            rule: 'oneOf',
            message: t('validate.choice.notDistinct', { label: branch.label }),
          },
        ]
      : [];
  }
  const inner = [...(fragment.errors ?? [])];
  const nested = new Set(skipChoices);
  nested.add(at);
  const explained = explainAjvErrors(ctx, request, inner, at, nested);
  return explained.length > 0
    ? explained
    : [{ pointer: at, rule: choice.combinator, message: t('validate.choice.mismatch') }];
}
