/**
 * Checks a facility's keyword aliases ({ours: theirs | theirs[]}) and inverts them for the loader.
 * Only our keywords (x- and ui:) can be aliased, and a JSON Schema keyword can never be someone's
 * alias: renaming `required` would silently change what a schema validates.
 */

import { jsonSchemaKeywords, vocabularyKeyword } from '../vocabulary';
import { dialects } from './dialectOf';

/** theirName -> ourName. Throws an Error naming the offending entry. O(aliases). */
export function aliasMap(aliases: Readonly<Record<string, unknown>> | undefined): Map<string, string> {
  const theirsToOurs = new Map<string, string>();
  if (aliases === undefined) return theirsToOurs;
  if (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases)) {
    throw new Error('"aliases" must be an object: {"x-requires": "theirName"}');
  }
  const standard = new Set(dialects.flatMap((d) => jsonSchemaKeywords(d)));
  for (const ours of Object.keys(aliases)) {
    if (!vocabularyKeyword(ours)) {
      throw new Error(
        `"aliases.${ours}": only Formulary keywords (x-..., ui:...) can be aliased, and "${ours}" is not one`,
      );
    }
    const value = aliases[ours];
    const theirs = typeof value === 'string' ? [value] : value;
    if (
      !Array.isArray(theirs) ||
      theirs.length === 0 ||
      theirs.some((t) => typeof t !== 'string' || t === '')
    ) {
      throw new Error(`"aliases.${ours}" must be a keyword name or a list of them`);
    }
    for (const name of theirs as string[]) {
      if (standard.has(name))
        throw new Error(`"aliases.${ours}": "${name}" is a JSON Schema keyword and cannot be an alias`);
      if (vocabularyKeyword(name))
        throw new Error(`"aliases.${ours}": "${name}" is already a Formulary keyword`);
      const previous = theirsToOurs.get(name);
      if (previous !== undefined && previous !== ours) {
        throw new Error(`"${name}" is aliased to both "${previous}" and "${ours}"`);
      }
      theirsToOurs.set(name, ours);
    }
  }
  return theirsToOurs;
}
