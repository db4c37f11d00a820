/**
 * Finds the field a lint finding is about, so clicking the finding in the preview focuses that field.
 * A finding names a file and a JSON Pointer in it; each model node is located the same way (through
 * the loader's locate()), and the node written deepest above the finding's pointer wins. A fragment
 * shared through $ref (common.json#/definitions/x) belongs to the first field that uses it.
 */
import type { FieldModel, LoadedSchema, ModelNode } from '../../schemas/index';

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

/** Locates every node once: O(nodes); each lookup is O(nodes) (a few hundred, on a click's behalf). */
export function fieldLocator(loaded: LoadedSchema, model: FieldModel): FieldLocator {
  const places: Place[] = [];
  const visit = (node: ModelNode) => {
    const at = loaded.locate(node.location.schemaPointer);
    if (at?.file && node.pointer !== '')
      places.push({ file: at.file, pointer: at.pointer, field: revealable(node.pointer) });
    if (node.type === 'group') node.children.forEach(visit);
    else if (node.type === 'choice') for (const branch of node.branches) visit(branch.node);
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
