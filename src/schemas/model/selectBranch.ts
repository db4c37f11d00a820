/**
 * Which branch of a choice (oneOf/anyOf) a value belongs to: the one rule the form (importing a
 * request), the validator (which field an error is on, how a failed oneOf is explained) and the
 * submitted request (which hidden nodes to drop) all follow, so they never disagree about a value.
 * Pure, no DOM.
 */
import type { ChoiceNode, ModelNode } from '../FieldModel';
import { isPlainObject, jsonEquals } from '../jsonEquals';
import { branchValueNode, isValueBranch } from './rootValueNode';

/**
 * The id of the branch `value` selects: the branch whose discriminator value it carries (compared as
 * JSON), else the branch that knows most of its keys and fewest others, the default branch winning
 * ties. A value that is not an object selects the first value branch (oneOf of an object and a number,
 * say) whose kind it fits, else the first value branch, else the default branch. O(branches × keys).
 * Example: with branches {runs} and {runs, wavelength}, {runs: "1", wavelength: 6} selects the second.
 */
export function selectBranch(choice: ChoiceNode, value: unknown): string {
  if (!isPlainObject(value)) {
    const values = choice.branches.filter(isValueBranch);
    const fits = values.find((b) => fitsNode(branchValueNode(b), value));
    return (fits ?? values[0])?.id ?? choice.defaultBranch;
  }
  const discriminator = choice.discriminator;
  if (discriminator !== undefined && Object.hasOwn(value, discriminator)) {
    const hit = choice.branches.find((b) => jsonEquals(b.discriminatorValue, value[discriminator]));
    if (hit) return hit.id;
  }
  const keys = Object.keys(value);
  const score = (branch: ChoiceNode['branches'][number]): number => {
    // An object never selects a value branch while an object branch exists.
    if (isValueBranch(branch)) return Number.NEGATIVE_INFINITY;
    const known = new Set(branch.node.children.map((c) => c.key));
    let s = 0;
    for (const key of keys) s += known.has(key) ? 1 : -1;
    return s;
  };
  const fallback = choice.branches.find((b) => b.id === choice.defaultBranch);
  let best = choice.defaultBranch;
  let bestScore = fallback ? score(fallback) : Number.NEGATIVE_INFINITY;
  for (const branch of choice.branches) {
    const s = score(branch);
    if (s > bestScore) {
      best = branch.id;
      bestScore = s;
    }
  }
  return best;
}

/** Whether a value (not an object) has the type a value branch's node takes. O(enum size). */
function fitsNode(node: ModelNode, value: unknown): boolean {
  if (node.type === 'list' || (node.type === 'group' && node.tuple)) return Array.isArray(value);
  if (node.type !== 'field') return false;
  if (value === null) return node.nullable;
  switch (node.kind) {
    case 'enum':
      return (node.enum ?? []).some((e) => jsonEquals(e, value));
    case 'number':
    case 'integer':
      return typeof value === 'number' || (node.coercion === 'numberFromText' && typeof value === 'string');
    case 'boolean':
      return typeof value === 'boolean';
    case 'runList':
    case 'numberList':
    case 'binning':
      return Array.isArray(value) || typeof value === 'string';
    case 'json':
      return true;
    default:
      return typeof value === 'string';
  }
}
