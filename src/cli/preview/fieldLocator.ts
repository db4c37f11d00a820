/**
 * Finds the field a lint finding is about, so clicking the finding in the preview focuses that field.
 * A finding names a file and a JSON Pointer in it; each model node is located the same way (through
 * the loader's locate()), and the node written deepest above the finding's pointer wins. A fragment
 * shared through $ref (common.json#/definitions/x) belongs to the first field that uses it.
 */
import {
  type FieldModel,
  getAt,
  isPlainObject,
  type LoadedSchema,
  type ModelNode,
} from '../../schemas/index';

export type FieldLocator = (file: string | undefined, pointer: string) => string | undefined;

interface Place {
  readonly file: string;
  readonly pointer: string;
  readonly field: string;
}

/** A list row's fields are reached through the list: "/scans/*\/run" shows as "/scans". */
function revealable(pointer: string): string {
  const at = pointer.indexOf('/*');
  return at < 0 ? pointer : pointer.slice(0, at);
}

/** The local $refs of the subschema at `schemaPointer`: its own and those of its allOf entries. */
function refsAt(schema: Readonly<Record<string, unknown>>, schemaPointer: string): string[] {
  const at = getAt(schema, schemaPointer.replace(/^#/, ''));
  if (!isPlainObject(at)) return [];
  const entries = [at, ...(Array.isArray(at.allOf) ? at.allOf : [])];
  return entries
    .map((entry) => (isPlainObject(entry) && typeof entry.$ref === 'string' ? entry.$ref : ''))
    .filter((ref) => ref.startsWith('#/'))
    .map((ref) => decodeURIComponent(ref.slice(1)));
}

/** The first node under a group that the form can focus (a field, list or choice), depth first. */
function firstField(node: ModelNode): ModelNode | undefined {
  if (node.type !== 'group') return node;
  for (const child of node.children) {
    const found = firstField(child);
    if (found) return found;
  }
  return undefined;
}

/** Locates every node once: O(nodes); each lookup is O(nodes) (a few hundred, on a click's behalf). */
export function fieldLocator(loaded: LoadedSchema, model: FieldModel): FieldLocator {
  const places: Place[] = [];
  const visit = (node: ModelNode) => {
    const at = loaded.locate(node.location.schemaPointer);
    // A group (a section) is shown by its first field: the form focuses fields, not headings.
    const target = node.type === 'group' ? firstField(node) : node;
    if (node.pointer !== '' && target) {
      const field = revealable(target.pointer);
      if (at?.file) places.push({ file: at.file, pointer: at.pointer, field });
      // A field written as {"$ref": "common.json#/definitions/x"} is also where that definition is.
      for (const ref of refsAt(loaded.schema, node.location.schemaPointer)) {
        const there = loaded.locate(ref);
        if (there?.file) places.push({ file: there.file, pointer: there.pointer, field });
      }
    }
    if (node.type === 'group') {
      node.children.forEach(visit);
      if (node.rest) visit(node.rest.item);
    } else if (node.type === 'choice') for (const branch of node.branches) visit(branch.node);
    else if (node.type === 'list') visit(node.item);
  };
  visit(model.root);
  return (file, pointer) => {
    let best: Place | undefined;
    for (const place of places) {
      if (place.file !== file) continue;
      if (pointer !== place.pointer && !pointer.startsWith(`${place.pointer}/`)) continue;
      if (!best || place.pointer.length > best.pointer.length) best = place;
    }
    return best?.field;
  };
}
