/**
 * formularyResolver: Formulary's validator as a react-hook-form resolver (the @hookform/resolvers
 * contract), for a form whose values under `name` follow a FieldModel. Validation is createValidator's
 * (ajv plus our cross-field rules; fields a condition hides are not checked), text is coerced as our
 * widgets coerce it, and errors are keyed by RHF names with our messages. A keystroke checks one field
 * (validateField: its constraints and the rules that read it), never the whole form; a submit checks
 * the whole request and hands handleSubmit the request SubmissionForm would send. No React.
 */
import {
  type FieldError,
  type FieldErrors,
  type FieldValues,
  get,
  type Resolver,
  set,
} from 'react-hook-form';
import {
  createValidator,
  type FieldModel,
  getAt,
  isShown,
  type JsonValue,
  type Pointer,
  parsePointer,
  rowIndexes,
  templateOf,
  type ValidationError,
  type Validator,
  type ValidatorOptions,
} from '../../schemas/index';
import { fieldStart } from '../engine/flattenValues';
import { coerceFieldText, isEmptiedText } from './coerceFieldText';
import { requestOfValues } from './requestOfValues';
import { pointerOfRhfName, rhfNameOf } from './rhfNames';
import { rulePartners } from './rulePartners';

export interface FormularyResolverOptions<TFieldValues extends FieldValues = FieldValues> {
  /** Where the model's values sit in the form ("reduction"); "" (default) when they are the whole form. */
  readonly name?: string;
  /** A resolver for the host's own fields (outside `name`); its errors and values are merged in. */
  readonly resolver?: Resolver<TFieldValues>;
  /** Passed to createValidator (formats, code evaluation). */
  readonly validator?: ValidatorOptions;
}

type Errors = Record<string, unknown>;

/** Whether the calls' names are one field's check (the field and its rule partners), or the form's. */
function oneFieldCheck(model: FieldModel, pointers: readonly Pointer[]): boolean {
  if (pointers.length === 0) return true;
  for (const p of pointers) if (model.byPointer.get(templateOf(model, p))?.type !== 'field') return false;
  if (pointers.length === 1) return true;
  return pointers.some((p) => {
    const cluster = new Set([p, ...rulePartners(model, p)]);
    return pointers.every((q) => cluster.has(q));
  });
}

/** `root` with `value` at `pointer`, copying only the objects and arrays along the way. O(depth). */
function setCopied(root: unknown, keys: readonly string[], value: unknown): unknown {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys as [string, ...string[]];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) }) as Record<
    string,
    unknown
  >;
  copy[key] = setCopied(copy[key], rest, value);
  return copy;
}

/** `values` with the text at `pointers` coerced (copies along those paths only). O(pointers x depth). */
function coercedAt(model: FieldModel, values: unknown, pointers: readonly Pointer[]): unknown {
  let out = values;
  for (const pointer of pointers) {
    const value = getAt(values, pointer);
    if (typeof value !== 'string') continue;
    const node = model.byPointer.get(templateOf(model, pointer));
    const coerced = node?.type === 'field' ? coerceFieldText(node, value) : undefined;
    if (coerced?.ok) out = setCopied(out, parsePointer(pointer), coerced.value);
  }
  return out;
}

/**
 * Creates the resolver: `useForm({ resolver: formularyResolver(model, { name: 'reduction' }) })`.
 * The validator compiles in the browser's next idle period (or on the first call), once per schema. Per call: O(1) in form size when RHF
 * asks for one field (a change or blur in mode onChange/onBlur, `trigger('name')`, a rule partner's
 * `deps`); O(request + rules x rows) when it asks for the form (submit, `trigger()`, isValid).
 */
export function formularyResolver<TFieldValues extends FieldValues = FieldValues>(
  model: FieldModel,
  options: FormularyResolverOptions<TFieldValues> = {},
): Resolver<TFieldValues> {
  const prefix = options.name ?? '';
  let compiled: Validator | null = null;
  const validator = () => {
    compiled ??= createValidator(model, options.validator);
    return compiled;
  };
  // Compile while the browser is idle after the page shows (as SubmissionForm does), never on the
  // first keystroke; where there is no idle callback (Node) it compiles on the first call.
  const idle = (globalThis as { requestIdleCallback?: (run: () => void) => unknown }).requestIdleCallback;
  idle?.(() => validator().warm());
  const ownValues = (values: FieldValues): unknown => (prefix === '' ? values : get(values, prefix));

  /** Where an error at `pointer` is shown: the field's name; a list's, group's or choice's `.root`. */
  const errorName = (pointer: Pointer): string => {
    const name = rhfNameOf(prefix, pointer);
    const node = model.byPointer.get(templateOf(model, pointer));
    if (pointer === '' || (node !== undefined && node.type !== 'field'))
      return name === '' ? 'root' : `${name}.root`;
    return name;
  };

  const place = (errors: Errors, error: ValidationError, at: Pointer, all: boolean): void => {
    const name = errorName(at);
    const existing = get(errors, name) as FieldError | undefined;
    if (existing) {
      if (all && existing.types) existing.types[error.rule] ??= error.message;
      return;
    }
    const entry: FieldError = { type: error.rule, message: error.message };
    if (all) entry.types = { [error.rule]: error.message };
    set(errors, name, entry);
  };

  /** The whole request: text problems first (they hold the field's own message), then the validator's. */
  const checkForm = (values: FieldValues, all: boolean) => {
    const built = requestOfValues(model, ownValues(values));
    const found: ValidationError[] = built.problems.map((p) => ({
      pointer: p.pointer,
      message: p.message,
      rule: 'input',
    }));
    for (const { pointer } of built.unknownKeys) {
      const key = pointer.slice(pointer.lastIndexOf('/') + 1);
      found.push({
        pointer,
        rule: 'unknownKey',
        message: `"${key}" is not in this schema: it would be left out of the request.`,
      });
    }
    const held = new Set(built.problems.map((p) => p.pointer));
    for (const e of validator().validate(built.request)) if (!held.has(e.pointer)) found.push(e);
    const errors: Errors = {};
    for (const e of found) {
      place(errors, e, e.pointer, all);
      for (const related of e.related ?? []) if (related !== e.pointer) place(errors, e, related, all);
    }
    return { errors, request: built.request };
  };

  /** One field: its text, its constraints, and the rules that read it, on the values as they are. */
  const checkField = (values: FieldValues, pointer: Pointer, errors: Errors, all: boolean): void => {
    const own = ownValues(values);
    const template = templateOf(model, pointer);
    const node = model.byPointer.get(template);
    if (node?.type !== 'field') return;
    const request = coercedAt(model, own, rulePartners(model, pointer));
    let value = getAt(own, pointer);
    if (isEmptiedText(node, value, fieldStart(node))) value = undefined;
    if (typeof value === 'string') {
      const coerced = coerceFieldText(node, value);
      if (coerced && !coerced.ok) {
        if (isShown(model, template, request, rowIndexes(template, pointer)))
          place(errors, { pointer, rule: 'input', message: coerced.message }, pointer, all);
        return;
      }
      if (coerced) value = coerced.value;
    }
    for (const e of validator().validateField(pointer, value, request)) {
      if (e.pointer === pointer || e.related?.includes(pointer)) place(errors, e, pointer, all);
    }
  };

  return async (values, context, resolverOptions) => {
    const all = resolverOptions.criteriaMode === 'all';
    const names = resolverOptions.names?.map(String);
    const host = options.resolver ? await options.resolver(values, context, resolverOptions) : undefined;
    // The host resolver speaks for the host's fields; ours for everything under `name`.
    const errors: Errors = {};
    for (const [key, error] of Object.entries((host?.errors ?? {}) as Errors))
      if (prefix !== '' && key !== prefix) errors[key] = error;
    const ours = (names ?? []).map((n) => pointerOfRhfName(prefix, n)).filter((p) => p !== null);
    const hostOnly = names !== undefined && ours.length === 0;
    const perField = names !== undefined && ours.length < names.length ? false : oneFieldCheck(model, ours);
    let request: JsonValue | undefined;
    if (!hostOnly && names !== undefined && perField) {
      for (const pointer of ours) checkField(values, pointer, errors, all);
    } else if (!hostOnly) {
      const checked = checkForm(values, all);
      request = checked.request;
      Object.assign(errors, checked.errors);
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<TFieldValues> };
    // The request replaces the model's part of the values: built now for a form check, and only when
    // read (handleSubmit reads it; a keystroke's check does not) for a field check.
    const base = (host?.values ?? values) as FieldValues;
    const result = { errors: {} } as { values: TFieldValues; errors: Record<string, never> };
    Object.defineProperty(result, 'values', {
      enumerable: true,
      get() {
        request ??= requestOfValues(model, ownValues(values)).request;
        if (prefix === '') return request;
        const out = structuredClone(base) as FieldValues;
        set(out, prefix, request);
        return out;
      },
    });
    return result;
  };
}
