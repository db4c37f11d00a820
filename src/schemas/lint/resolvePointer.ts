/**
 * Resolves JSON Pointers and local $refs inside one bundled schema document, for the lint rules.
 * Local only ("#/definitions/x", "#anchor", "#"): the loader has already inlined other files.
 */
import { isSchemaObject, type SchemaObject, unescapePointerToken } from './walkSubschemas';

/** The value at `pointer` in `document`, or undefined when a token is missing. O(depth). */
export function getAtPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = unescapePointerToken(raw);
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (isSchemaObject(node) && Object.hasOwn(node, token)) {
      node = node[token];
    } else return undefined;
  }
  return node;
}

/** Finds the pointer of a subschema declaring `$anchor`/`$id` "#name"; built once per document. */
function anchorIndex(document: SchemaObject, walk: (s: SchemaObject, p: string) => void): void {
  const stack: [unknown, string][] = [[document, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (Array.isArray(node)) for (const [i, v] of node.entries()) stack.push([v, `${pointer}/${i}`]);
    else if (isSchemaObject(node)) {
      walk(node, pointer);
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'object' && v !== null)
          stack.push([v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
      }
    }
  }
}

/** Resolves local $refs of one document; anchors are indexed lazily on first use. */
export class LocalRefResolver {
  private anchors: Map<string, string> | undefined;
  constructor(private readonly document: SchemaObject) {}

  /** The pointer a local $ref leads to, or undefined when it does not resolve (or is not local). */
  targetPointer(ref: string): string | undefined {
    if (!ref.startsWith('#')) return undefined;
    let fragment: string;
    try {
      fragment = decodeURIComponent(ref.slice(1));
    } catch {
      return undefined;
    }
    if (fragment === '' || fragment.startsWith('/')) {
      return getAtPointer(this.document, fragment) === undefined ? undefined : fragment;
    }
    if (!this.anchors) {
      const anchors = new Map<string, string>();
      anchorIndex(this.document, (s, p) => {
        if (typeof s.$anchor === 'string') anchors.set(s.$anchor, p);
        if (typeof s.$dynamicAnchor === 'string') anchors.set(s.$dynamicAnchor, p);
        if (typeof s.$id === 'string' && s.$id.startsWith('#')) anchors.set(s.$id.slice(1), p);
      });
      this.anchors = anchors;
    }
    return this.anchors.get(fragment);
  }

  /** Follows a chain of $refs from `pointer` to the schema it finally names (cycle-safe). */
  resolve(schema: SchemaObject, pointer: string): { schema: SchemaObject; pointer: string } {
    let current = schema;
    let at = pointer;
    const seen = new Set<string>();
    while (typeof current.$ref === 'string' && !seen.has(at)) {
      seen.add(at);
      const target = this.targetPointer(current.$ref);
      const next = target === undefined ? undefined : getAtPointer(this.document, target);
      if (target === undefined || !isSchemaObject(next)) break;
      current = next;
      at = target;
    }
    return { schema: current, pointer: at };
  }
}
