/**
 * Whether a schema loaded with `unresolvedRefs: 'report'` lost a $ref it could not resolve: such a
 * schema is for reporting only (lint, the author playground); no form and no request check may use it,
 * since the node would accept anything.
 */
import type { LoadedSchema } from './LoadOptions';

/** True when the load reported an unresolved $ref (and dropped it). O(diagnostics). */
export function hasUnresolvedRefs(loaded: LoadedSchema): boolean {
  return loaded.diagnostics.some((d) => d.rule === 'unresolved-ref');
}
