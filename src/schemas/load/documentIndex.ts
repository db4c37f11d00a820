/**
 * Base URIs, embedded resources and anchors of one schema document, as JSON Schema defines them: a
 * subschema's `$id` (resolved against its parent's base) starts a resource with a new base URI;
 * `$anchor`, `$dynamicAnchor` and draft-07's `"$id": "#name"` name a place. $ref is resolved against
 * the base where it is written, so a bundled "compound" document (resources in `$defs` with their own
 * `$id`) and location-independent identifiers resolve without reading anything.
 */
import type { Dialect } from '../FieldModel';
import { parseUri, resolveUri, serializeUri } from '../validate/uriResolver';
import { childSchemas, type SchemaObject } from './forEachSubschema';

export interface DocumentIndex {
  /** Pointer of every object subschema -> its base URI (no fragment). */
  readonly baseAt: ReadonlyMap<string, string>;
  /** Absolute URI (no fragment) of each resource in the document -> pointer of its root. */
  readonly resources: ReadonlyMap<string, string>;
  /** "<resource URI>#<name>" -> pointer of the node the anchor names. */
  readonly anchors: ReadonlyMap<string, string>;
}

/** `uri` normalised (RFC 3986) and without its fragment: the key resources are found by. */
export function withoutFragment(uri: string): string {
  const parts = parseUri(uri);
  delete parts.fragment;
  return serializeUri(parts);
}

/** The fragment of `uri` ("" when it has none), not decoded. */
export function fragmentOf(uri: string): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? '' : uri.slice(hash + 1);
}

const isObject = (v: unknown): v is SchemaObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Indexes `value`, read from `url`, in `dialect`. In draft-07 an `$id` beside `$ref` is ignored (every
 * sibling of `$ref` is), and `"$id": "#name"` is an anchor. O(nodes); iterative.
 */
export function indexDocument(value: unknown, url: string, dialect: Dialect): DocumentIndex {
  const baseAt = new Map<string, string>();
  const resources = new Map<string, string>();
  const anchors = new Map<string, string>();
  const rootBase = withoutFragment(url);
  resources.set(rootBase, '');
  const stack: [unknown, string, string][] = [[value, '', rootBase]];
  while (stack.length > 0) {
    const [node, pointer, parentBase] = stack.pop()!;
    if (!isObject(node)) continue;
    let base = parentBase;
    const id = node.$id;
    const idCounts = typeof id === 'string' && !(dialect === 'draft-07' && typeof node.$ref === 'string');
    if (idCounts) {
      if (dialect === 'draft-07' && id.startsWith('#')) {
        if (id.length > 1) anchors.set(`${base}#${id.slice(1)}`, pointer);
      } else {
        const full = resolveUri(base, id);
        base = withoutFragment(full);
        if (!resources.has(base)) resources.set(base, pointer);
        const fragment = fragmentOf(full);
        if (dialect === 'draft-07' && fragment !== '' && !fragment.startsWith('/'))
          anchors.set(`${base}#${fragment}`, pointer);
      }
    }
    if (dialect !== 'draft-07') {
      for (const keyword of ['$anchor', '$dynamicAnchor']) {
        const name = node[keyword];
        if (typeof name === 'string' && !anchors.has(`${base}#${name}`))
          anchors.set(`${base}#${name}`, pointer);
      }
    }
    baseAt.set(pointer, base);
    const children = childSchemas(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const [path, child] = children[i]!;
      stack.push([child, pointer + path, base]);
    }
  }
  return { baseAt, resources, anchors };
}
