/**
 * Whether a condition (if/then/else, dependencies) holds for the current values, and so whether a node
 * is shown. Simple `if` schemas are evaluated in TypeScript; anything else goes to ajv (the compiled
 * fragment of the same schema), so the form and the validator can never disagree on what `if` means.
 */
import type { Condition, FieldModel, PointerTemplate } from '../FieldModel';
import { getAt, instancePointer } from '../pointer';
import { compileSchema } from './compileSchema';
import { matchSchema } from './matchSchema';
import { modelIndex } from './modelIndex';

/**
 * True when `condition` holds for `values` (the whole request or form values). `indexes` are the row
 * indexes when the condition sits inside list rows. if/then/else follows JSON Schema exactly (a missing
 * property does not fail `properties`); a dependency holds when its key is present and not null, since
 * the form keeps unset values as null. O(size of the if schema).
 */
export function evaluateCondition(
  model: FieldModel,
  condition: Condition,
  values: unknown,
  indexes: readonly number[] = [],
): boolean {
  const scope = getAt(values, instancePointer(condition.scope, indexes));
  if (condition.kind === 'dependency') {
    if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return false;
    const key = String(condition.test);
    return Object.hasOwn(scope, key) && (scope as Record<string, unknown>)[key] != null;
  }
  const fast = matchSchema(condition.test, scope);
  if (fast !== undefined) return fast;
  const fragment = compileSchema(model.schema, model.dialect).fragment(condition.location.schemaPointer);
  return fragment ? fragment(scope) === true : true;
}

/**
 * Whether the node at `template` is shown for these values: every condition that decides it directly,
 * and those of its ancestors, allow it. O(depth x conditions per node).
 */
export function isShown(
  model: FieldModel,
  template: PointerTemplate,
  values: unknown,
  indexes: readonly number[] = [],
): boolean {
  const { visibility } = modelIndex(model);
  if (visibility.size === 0) return true;
  let t = template;
  for (;;) {
    const entries = visibility.get(t);
    if (entries) {
      for (const { condition, when } of entries) {
        if (evaluateCondition(model, condition, values, indexes) !== when) return false;
      }
    }
    if (t === '') return true;
    t = t.slice(0, t.lastIndexOf('/'));
  }
}
