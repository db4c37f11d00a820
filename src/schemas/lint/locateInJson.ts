/**
 * Finds the 1-based line and column of a JSON Pointer in JSON text, for diagnostics about example
 * files (and any JSON the loader did not locate). Uses jsonc-parser: tolerant, no DOM.
 */
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';
import { lineAndColumn } from '../coerce/parseJsonText';

/**
 * Where the value at `pointer` starts in `text` (a property's key when the pointer names one), or
 * the deepest existing parent when the pointer goes past the data (a missing required property).
 */
export function locateInJson(text: string, pointer: string, tree?: Node): { line: number; column: number } {
  const root = tree ?? parseTree(text);
  if (!root) return { line: 1, column: 1 };
  const segments =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  // Walk down as far as the data goes: a missing property is shown at its nearest existing parent.
  let node: Node | undefined = root;
  for (const segment of segments) {
    const next: Node | undefined = findNodeAtLocation(node!, [
      node!.type === 'array' ? Number(segment) : segment,
    ]);
    if (!next) break;
    node = next;
  }
  const target = node?.parent?.type === 'property' ? node.parent : node;
  return lineAndColumn(text, target?.offset ?? 0);
}
