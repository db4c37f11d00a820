/**
 * The other fields a field's cross-field rules read, as request pointers in the same rows: a change of
 * Q max re-checks Q min (react-hook-form's `deps`), and the resolver knows that validating the pair is
 * still one field's check. Pure, no React. O(rules of the field x their reads).
 */
import {
  type FieldModel,
  instancePointer,
  type Pointer,
  type Rule,
  rowIndexes,
  templateOf,
} from '../../schemas/index';

const rulesById = new WeakMap<FieldModel, Map<string, Rule>>();

function ruleById(model: FieldModel, id: string): Rule | undefined {
  let index = rulesById.get(model);
  if (!index) {
    index = new Map(model.rules.map((r) => [r.id, r]));
    rulesById.set(model, index);
  }
  return index.get(id);
}

const stars = (t: string): number => t.split('/*').length - 1;

/**
 * Pointers of the fields that share a rule with the field at `pointer` (itself left out). Reads in
 * deeper rows than the field's own (a rule over every row of a list) are left out: they have no one
 * pointer. Example: rulePartners(eqsans, '/reduction/Qmin') -> ['/reduction/Qmax'].
 */
export function rulePartners(model: FieldModel, pointer: Pointer): Pointer[] {
  const template = templateOf(model, pointer);
  const node = model.byPointer.get(template);
  if (node?.type !== 'field' || node.ruleIds.length === 0) return [];
  const indexes = rowIndexes(template, pointer);
  const out = new Set<Pointer>();
  for (const id of node.ruleIds) {
    for (const read of ruleById(model, id)?.reads ?? []) {
      if (stars(read) > indexes.length) continue;
      const partner = instancePointer(read, indexes.slice(0, stars(read)));
      if (partner !== pointer) out.add(partner);
    }
  }
  return [...out];
}
