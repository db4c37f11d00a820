/**
 * The validator of a FieldModel: `validate(request)` for submit (ajv, compiled once per schema, plus
 * the cross-field rules), `validateField(pointer, value, request)` for a keystroke (that field's own
 * constraints in TypeScript plus only the rules that read it: O(1) in form size). Fields an unmet
 * condition hides are not validated. The same code runs in the form, the CLI and a facility's backend.
 */

import type { ErrorObject, Format } from 'ajv';
import type { FieldModel, FieldNode, ModelNode, Pointer, ValidationError } from '../FieldModel';
import { say, withLocale } from '../i18n/activeLocale';
import { isPlainObject } from '../jsonEquals';
import { formatPolicyOf } from '../load/dialectOf';
import { selectBranch } from '../model/selectBranch';
import { childPointer, getAt, instancePointer, rowIndexes } from '../pointer';
import { checkableInTs, checkField } from './checkField';
import { validationLimitation } from './codeEvaluation';
import { type CompileOptions, compileSchema } from './compileSchema';
import { isShown } from './evaluateCondition';
import {
  evaluateRule,
  evaluateRuleEverywhere,
  readerOf,
  rowCombinations,
  type ValueReader,
} from './evaluateRules';
import { type ExplainContext, explainAjvErrors, explainOne, missingMessage } from './explainAjvErrors';
import { holdsListText, listTextProblem } from './listTextProblem';
import { matchSchema } from './matchSchema';
import { labelOf } from './messages';
import { modelIndex, templateOf } from './modelIndex';
import { unionAlternatives, unionError } from './unionMessage';

export interface ValidatorOptions extends CompileOptions {
  /** The language of the messages (BCP 47); default the model's locale, else English. */
  readonly locale?: string;
}

export interface Validator {
  /** Every problem of a whole request, in schema order of discovery. O(request size + rules x rows). */
  validate(request: unknown): ValidationError[];
  /**
   * One field's problems with `value` (not yet in `request`, or already: both work): its own
   * constraints, its presence if required, and every rule that reads it. O(rules of that field).
   */
  validateField(pointer: Pointer, value: unknown, request: unknown): ValidationError[];
  /**
   * Compiles every section's ajv validator now (they compile lazily on the first validate otherwise):
   * call it in idle time after the form shows, so the first submit does not pay for it.
   */
  warm(): void;
  /**
   * Set when ajv cannot run on this page (a Content-Security-Policy without 'unsafe-eval'): what a
   * user should be told. `validate` then checks in TypeScript each field's own constraints and
   * presence, the rules, and what a decidable if/then/else or a dependency requires; what only the
   * whole schema says (an undecidable `if`, combinators, additionalProperties, "json" fields) is left
   * to the server.
   */
  readonly limitation?: string;
  /**
   * Where ajv arrives later (the embed's entry script): a promise that settles once every check is
   * available (ajv arrived, or known not to come), starting the fetch; undefined when nothing is
   * pending. Submit awaits it, so a request is never sent on the TypeScript checks while ajv can run.
   */
  whenComplete?(): Promise<void> | undefined;
}

/** An error standing for a schema ajv could not compile or run on a request. */
function unusableSchema(cause: unknown): ErrorObject {
  const why = cause instanceof Error ? cause.message : String(cause);
  return {
    instancePath: '',
    schemaPath: '#',
    keyword: 'schema',
    params: {},
    message: say('validate.unusableSchema', { why }),
  };
}

const starCount = (t: string): number => t.split('/*').length - 1;

function dedupe(errors: ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.pointer}\u0000${e.rule}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Creates the validator; compiling happens here, once per schema object (cached across calls).
 * Example: createValidator(model).validate({Qmin: 1, Qmax: 0.5}) -> [{pointer: '/Qmin', rule:
 * 'lessThan', message: 'must be less than Q max (0.5 1/Å)', related: ['/Qmin', '/Qmax']}].
 */
export function createValidator(model: FieldModel, options: ValidatorOptions = {}): Validator {
  const policy = options.formats ?? model.formats ?? formatPolicyOf(model.dialect);
  const compiled = compileSchema(model.schema, model.dialect, { ...options, formats: policy });
  const index = modelIndex(model);
  // An annotated format refuses nothing, here as in ajv.
  const formats = (name: string): Format | undefined =>
    policy === 'annotate' ? undefined : (compiled.ajv.formats[name] as Format | undefined);
  const ctx: ExplainContext = { model, compiled, formats };
  const listTextFields = model.fields.filter(holdsListText);
  // ajv skips every property named "__proto__" (its allSchemaProperties filters the name, to keep
  // generated code from touching prototypes), so neither its constraints nor its presence are checked
  // there. Found by the schema fuzzer (test/fuzz); such fields are checked in TypeScript instead.
  const underProtoKey = [...index.fieldsAt].filter(([template]) => template.split('/').includes('__proto__'));
  const declaredProtoKey = (pointer: Pointer): boolean =>
    pointer.endsWith('/__proto__') && model.byPointer.has(templateOf(model, pointer));

  const hidden = (pointer: Pointer, request: unknown): boolean => {
    if (model.conditions.length === 0) return false;
    const template = templateOf(model, pointer);
    return !isShown(model, template, request, rowIndexes(template, pointer));
  };

  /** Whether the branch that owns `field` (if any) is the one `request` selects at these rows. */
  const inSelectedBranch = (field: FieldNode, indexes: number[], request: unknown): boolean => {
    const owner = index.branchOf.get(field);
    if (!owner) return true;
    const choice = model.byPointer.get(owner.choice);
    const value = getAt(request, instancePointer(owner.choice, indexes));
    return choice?.type === 'choice' && selectBranch(choice, value) === owner.branch;
  };

  /** Of the fields sharing a pointer (one per branch), the one the request's branch holds. */
  const pickField = (candidates: readonly FieldNode[], indexes: number[], request: unknown): FieldNode => {
    if (candidates.length === 1) return candidates[0]!;
    return candidates.find((field) => inSelectedBranch(field, indexes, request)) ?? candidates[0]!;
  };

  const requiredError = (
    node: ModelNode | undefined,
    pointer: Pointer,
    fallback: string,
    because?: { label: string },
  ): ValidationError => ({ pointer, rule: 'required', message: missingMessage(node, fallback, because) });

  /**
   * Without ajv: every field instance's own constraints (checkField) and its presence when its parent
   * object is there and requires it. O(fields x rows).
   */
  const checkFieldsInTs = (
    request: unknown,
    read: ValueReader,
    fieldsAt: Iterable<[string, readonly FieldNode[]]> = index.fieldsAt,
  ): ValidationError[] => {
    const errors: ValidationError[] = [];
    for (const [template, candidates] of fieldsAt) {
      for (const indexes of rowCombinations(template, read)) {
        // Only a field of the branch the request selects (or of no branch) is checked.
        const field = candidates.find((f) => inSelectedBranch(f, indexes, request));
        if (!field) continue;
        const pointer = instancePointer(template, indexes);
        const value = read(pointer);
        if (value === undefined) {
          const parent = read(pointer.slice(0, pointer.lastIndexOf('/')));
          if (field.required && isPlainObject(parent)) errors.push(requiredError(field, pointer, field.key));
        } else if (checkableInTs(field)) errors.push(...checkField(field, pointer, value, formats));
      }
    }
    return errors;
  };

  /**
   * Without ajv: what a then/else side or a dependency requires, where the TypeScript matcher can
   * decide its `if` (an `if` it cannot decide is left to the server rather than guessed). A
   * dependency holds when its key is present, null or not, as in ajv. O(conditions x rows).
   */
  const conditionalRequiredInTs = (read: ValueReader): ValidationError[] => {
    const errors: ValidationError[] = [];
    for (const condition of model.conditions) {
      if (!condition.requires) continue;
      const key = String(condition.test);
      const because =
        condition.kind === 'dependency'
          ? { label: labelOf(model.byPointer.get(childPointer(condition.scope, key)), key) }
          : undefined;
      for (const indexes of rowCombinations(condition.scope, read)) {
        const scope = read(instancePointer(condition.scope, indexes));
        if (!isPlainObject(scope)) continue;
        const holds =
          condition.kind === 'dependency' ? Object.hasOwn(scope, key) : matchSchema(condition.test, scope);
        if (holds === undefined) continue;
        for (const template of holds ? condition.requires.whenTrue : condition.requires.whenFalse) {
          const pointer = instancePointer(template, indexes);
          if (read(pointer) !== undefined) continue;
          errors.push(requiredError(model.byPointer.get(template), pointer, template, because));
        }
      }
    }
    return errors;
  };

  const locale = options.locale ?? model.locale;
  return inLocale(locale, {
    ...(compiled.compiled ? {} : { limitation: withLocale(locale, validationLimitation) }),

    validate(request) {
      let raw: ErrorObject[];
      try {
        raw = compiled.validate(request);
      } catch (cause) {
        // ajv gave up on this schema and request (a $dynamicRef it loops on): refused, never a crash.
        raw = [unusableSchema(cause)];
      }
      // ajv judged the request as it is: a value present under a hidden field is still in it (a
      // backend receives it), so these errors stand; only our own checks skip what a condition hides.
      // ajv also reports a declared "__proto__" property as additional (it skips that name in
      // `properties`); the field is checked in TypeScript below instead.
      const judged =
        raw.length === 0
          ? []
          : explainAjvErrors(ctx, request, raw).filter(
              (e) => !(e.rule === 'additionalProperties' && declaredProtoKey(e.pointer)),
            );
      const errors: ValidationError[] = [];
      const read = readerOf(request);
      if (!compiled.compiled)
        errors.push(...checkFieldsInTs(request, read), ...conditionalRequiredInTs(read));
      else if (underProtoKey.length > 0) {
        // A field ajv already explained (a union's one message) gets no second one.
        const flaggedBefore = new Set(judged.map((e) => e.pointer));
        for (const e of checkFieldsInTs(request, read, underProtoKey))
          if (!flaggedBefore.has(e.pointer)) errors.push(e);
      }
      for (const rule of model.rules) {
        const found = evaluateRuleEverywhere(model, rule, read);
        for (const e of found) errors.push(e);
      }
      // Text the pattern lets through but the run/number-list parser refuses (a backwards range);
      // a field that already has an error (its pattern) gets no second message.
      const flagged = new Set([...judged, ...errors].map((e) => e.pointer));
      for (const field of listTextFields) {
        for (const indexes of rowCombinations(field.pointer, read)) {
          const pointer = instancePointer(field.pointer, indexes);
          const value = read(pointer);
          const problem =
            typeof value === 'string' && !flagged.has(pointer) ? listTextProblem(field, value) : undefined;
          if (problem !== undefined) errors.push({ pointer, rule: field.kind, message: problem });
        }
      }
      const shown = errors.filter((e) => !hidden(e.pointer, request));
      return judged.length + shown.length === 0 ? [] : dedupe([...judged, ...shown]);
    },

    validateField(pointer, value, request) {
      const template = templateOf(model, pointer);
      const candidates = index.fieldsAt.get(template);
      if (!candidates) return [];
      const indexes = rowIndexes(template, pointer);
      const field = pickField(candidates, indexes, request);
      if (field.conditionIds.length > 0 && !isShown(model, template, request, indexes)) return [];
      const errors: ValidationError[] = [];
      const alternatives = unionAlternatives(model, field);
      if (value === undefined) {
        if (field.required) errors.push(requiredError(field, pointer, field.key));
      } else if (alternatives && compiled.compiled) {
        // A union: ajv decides whether any alternative fits; one sentence names them all if none does.
        let fits = true;
        try {
          const fragment = compiled.fragment(field.location.schemaPointer);
          fits = !fragment || fragment(value) === true;
        } catch {
          fits = true; // validate() reports a schema ajv cannot run
        }
        if (!fits) errors.push(unionError(field, alternatives, pointer, value));
      } else if (checkableInTs(field)) {
        errors.push(...checkField(field, pointer, value, formats));
      } else {
        let fragment: ReturnType<typeof compiled.fragment>;
        let valid = true;
        try {
          fragment = compiled.fragment(field.location.schemaPointer);
          valid = !fragment || fragment(value) === true;
        } catch (cause) {
          return [explainOne(unusableSchema(cause), field, pointer)];
        }
        if (fragment && !valid) {
          for (const e of fragment.errors ?? []) errors.push(explainOne(e, field, pointer + e.instancePath));
        }
      }
      if (field.ruleIds.length > 0) {
        const read: ValueReader = (p) => (p === pointer ? value : getAt(request, p));
        for (const id of field.ruleIds) {
          const rule = index.rulesById.get(id);
          if (!rule) continue;
          const deeper = rule.reads.some((t) => starCount(t) > starCount(template));
          errors.push(
            ...(deeper
              ? evaluateRuleEverywhere(model, rule, read)
              : evaluateRule(model, rule, read, indexes)),
          );
        }
      }
      return errors.length < 2 ? errors : dedupe(errors);
    },

    warm() {
      compiled.warm();
    },

    whenComplete: () => compiled.whenComplete?.(),
  });
}

/** The validator with its messages built in `locale` (see withLocale: validation is synchronous). */
function inLocale(locale: string | undefined, validator: Validator): Validator {
  if (locale === undefined) return validator;
  return {
    ...validator,
    validate: (request) => withLocale(locale, () => validator.validate(request)),
    validateField: (pointer, value, request) =>
      withLocale(locale, () => validator.validateField(pointer, value, request)),
  };
}
