/**
 * What the author typed, carried from the old form to the form of the reloaded schema: only values
 * that differ from the old defaults (so a default changed in the schema shows), fitted to the new
 * model by the draft migration, which reports every value it could not place. Pure; no React.
 */
import { diffFromDefaults, migrateDraftValues, type NotAppliedValue } from '../forms/index';
import { defaultsOf, type FieldModel, getAt, type JsonValue, setAt } from '../schemas/index';

export interface CarriedValues {
  /** formData for the new form: the typed values that still fit (missing keys take their defaults). */
  readonly formData: JsonValue | undefined;
  /** Typed values with no place in the new schema, each with its reason. */
  readonly notApplied: readonly NotAppliedValue[];
}

/**
 * Example: typed {ipts: 123} under a model whose default is {ipts: null}, reloaded into a model where
 * /ipts still exists, gives formData {ipts: 123} and nothing not applied. O(values).
 */
export function carryValues(values: unknown, oldModel: FieldModel, newModel: FieldModel): CarriedValues {
  const typed: Record<string, unknown> = {};
  for (const pointer of diffFromDefaults(values, defaultsOf(oldModel))) {
    if (pointer === '') continue;
    setAt(typed, pointer, structuredClone(getAt(values, pointer)));
  }
  const migrated = migrateDraftValues(typed, newModel, 0);
  return { formData: migrated.values, notApplied: migrated.notApplied };
}
