/**
 * Which branch of a choice (oneOf/anyOf) a value belongs to: the one rule the form (importing a
 * request), the validator (which field an error is on, how a failed oneOf is explained) and the
 * submitted request (which hidden nodes to drop) all follow, so they never disagree about a value.
 * Pure, no DOM.
 */
import type { ChoiceNode } from '../FieldModel';
import { isPlainObject, jsonEquals } from '../jsonEquals';

/**
 * The id of the branch `value` selects: the branch whose discriminator value it carries (compared as
 * JSON), else the branch that knows most of its keys and fewest others, the default branch winning
 * ties; the default branch for a value that is not an object. O(branches × keys).
 * Example: with branches {runs} and {runs, wavelength}, {runs: "1", wavelength: 6} selects the second.
 */
export function selectBranch(choice: ChoiceNode, value: unknown): string {
  if (!isPlainObject(value)) return choice.defaultBranch;
  const discriminator = choice.discriminator;
  if (discriminator !== undefined && Object.hasOwn(value, discriminator)) {
    const hit = choice.branches.find((b) => jsonEquals(b.discriminatorValue, value[discriminator]));
    if (hit) return hit.id;
  }
  const keys = Object.keys(value);
  const score = (branch: ChoiceNode['branches'][number]): number => {
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
