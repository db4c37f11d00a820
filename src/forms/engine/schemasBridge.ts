/**
 * The schemas-layer functions the form needs, adapted to the form's shapes: the FieldModel of a schema
 * (with an RJSF uiSchema merged in), the validator compiled once per model, and condition tests on
 * the sparse values a condition reads. No React.
 */
import {
  buildFieldModel,
  type Condition,
  createValidator,
  evaluateCondition,
  type FieldModel,
  getAt,
} from '../../schemas/index';
import type { FormValidator } from './FormEngine';

/** The FieldModel of a bundled schema (or loadSchema result), with `uiSchema` merged in. */
export function modelOf(schema: object, uiSchema?: Record<string, unknown>): FieldModel {
  return buildFieldModel(uiSchema ? mergeUiSchema(schema, uiSchema) : schema);
}

/**
 * Copies RJSF uiSchema keys ("ui:order", "ui:widget", ...) onto the matching schema nodes (by property
 * and `items`), which the model reads as inline hints. Returns a new schema; the input is not mutated.
 */
export function mergeUiSchema(schema: object, uiSchema: Record<string, unknown>): object {
  const wrapped = schema as Record<string, unknown>;
  if (
    'schema' in wrapped &&
    typeof wrapped.schema === 'object' &&
    wrapped.schema !== null &&
    !('properties' in wrapped)
  ) {
    return { ...wrapped, schema: mergeUiSchema(wrapped.schema as object, uiSchema) };
  }
  const out: Record<string, unknown> = { ...wrapped };
  for (const [key, value] of Object.entries(uiSchema)) {
    if (key.startsWith('ui:')) out[key] = value;
  }
  const props = wrapped.properties as Record<string, unknown> | undefined;
  if (props && typeof props === 'object') {
    const merged: Record<string, unknown> = { ...props };
    for (const [key, sub] of Object.entries(uiSchema)) {
      if (key.startsWith('ui:') || typeof sub !== 'object' || sub === null) continue;
      const target = props[key];
      if (typeof target === 'object' && target !== null)
        merged[key] = mergeUiSchema(target, sub as Record<string, unknown>);
    }
    out.properties = merged;
  }
  const items = wrapped.items;
  const uiItems = uiSchema.items;
  if (typeof items === 'object' && items !== null && typeof uiItems === 'object' && uiItems !== null) {
    out.items = mergeUiSchema(items, uiItems as Record<string, unknown>);
  }
  return out;
}

const validators = new WeakMap<FieldModel, FormValidator>();

/**
 * The compiled validator of `model`, compiled on the first call and cached per model. The form calls
 * this in idle time after mount, so the first keystroke never pays for compilation.
 */
export function validatorOf(model: FieldModel): FormValidator {
  const cached = validators.get(model);
  if (cached) return cached;
  const compiled = createValidator(model);
  const validator: FormValidator = {
    validate: (request) => compiled.validate(request),
    validateField: (request, pointer) => compiled.validateField(pointer, getAt(request, pointer), request),
    whenComplete: () => compiled.whenComplete?.(),
  };
  validators.set(model, validator);
  return validator;
}

/** Decides a condition on sparse values (see conditionValues): the schemas layer's evaluateCondition. */
export function conditionTest(
  model: FieldModel,
  condition: Condition,
  values: unknown,
  indexes: readonly number[],
): boolean {
  return evaluateCondition(model, condition, values, indexes);
}
