/**
 * Builds the ONE self-contained schema: a copy of the root document in which every $ref names a place
 * in that copy. Each external target (a file, or `file#/pointer`) is copied once under `definitions`
 * (draft-07) or `$defs` (2019-09+); `$ref` with sibling keywords becomes `allOf: [{$ref}]` beside the
 * siblings; aliased keyword names become ours. The documents themselves are never modified.
 * Why not json-schema-ref-parser's bundle(): measured on two properties sharing
 * common.json#/definitions/runList, it inlines the target into the first property and points the second
 * at "#/properties/b", so one property's schema doubles as a definition and a location maps to no file.
 * Its HTTP resolver also returns Node's Buffer, which a browser lacks. So we crawl and place targets ourselves.
 */
import type { SchemaDiagnostic } from '../FieldModel';
import { escapePointerSegment, getAt, setOwn } from '../pointer';
import { withoutFragment } from './documentIndex';
import { displayName } from './documentUrl';
import { arrayOfSchemasKeywords, mapOfSchemasKeywords, singleSchemaKeywords } from './forEachSubschema';
import type { RefTarget, SchemaDocuments } from './SchemaDocuments';

/** Where a node of the bundled schema was written: used by locate() for nodes not at the same path. */
export type OriginTable = Map<string, RefTarget>;

export interface InternaliseResult {
  readonly schema: Record<string, unknown>;
  /**
   * With identifiers kept (dynamic references): bundled pointer of each `$ref` site -> bundled pointer
   * of its target, since a `$ref` then stays as written and is relative to its own resource.
   */
  readonly refs?: ReadonlyMap<string, string>;
  /** Bundled pointer -> (document URL, pointer) for each subtree root that moved or was renamed. */
  readonly origins: OriginTable;
  readonly diagnostics: SchemaDiagnostic[];
}

/** Keywords kept beside $ref without wrapping: they do not change what the node validates or shows. */
const harmlessRefSiblings = new Set(['$ref', '$comment']);

/**
 * Copies the root document with refs internalised. `aliasOf` maps a facility's keyword name to ours.
 * With `keepIds` (a schema using `$dynamicRef` or `$recursiveRef`, whose meaning depends on the
 * resources a validation passes through) every `$id`, anchor and `$ref` stays as written, the root gets
 * its base URI as `$id`, and each external document is embedded under its own absolute `$id`: the
 * validator then resolves everything as the specification says. O(size of the root plus every
 * referenced subtree).
 */
export function internaliseRefs(
  docs: SchemaDocuments,
  rootUrl: string,
  container: 'definitions' | '$defs',
  aliasOf: ReadonlyMap<string, string>,
  keepIds = false,
): InternaliseResult {
  const refs = new Map<string, string>();
  const rootValue = docs.get(rootUrl)?.value as Record<string, unknown>;
  const origins: OriginTable = new Map([['', { url: rootUrl, pointer: '' }]]);
  const diagnostics: SchemaDiagnostic[] = [];
  const existing = rootValue[container];
  const taken = new Set(existing && typeof existing === 'object' ? Object.keys(existing) : []);
  const entryNames = new Map<string, string>();
  const pending: [string, RefTarget][] = [];

  const entryFor = (target: RefTarget): string => {
    const key = `${target.url}#${target.pointer}`;
    let name = entryNames.get(key);
    if (name === undefined) {
      const file = displayName(target.url).split(/[/\\]/).pop() ?? 'schema';
      // "common.json#/definitions/runList" -> "common.runList": readable in the bundle and in messages.
      const segments = target.pointer.split('/').slice(1);
      const path = segments.filter(
        (s, i) => !(i < segments.length - 1 && (s === 'definitions' || s === '$defs')),
      );
      const stem = [file.replace(/\.json$/i, ''), ...path].join('.').replace(/[^A-Za-z0-9_.-]/g, '_');
      name = stem;
      for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
      taken.add(name);
      entryNames.set(key, name);
      pending.push([name, target]);
    }
    return name;
  };

  const bundledPointer = (target: RefTarget): string =>
    target.url === rootUrl
      ? target.pointer
      : `/${container}/${escapePointerSegment(entryFor({ url: target.url, pointer: '' }))}${target.pointer}`;

  const rewriteRef = (ref: string, url: string, pointer: string, at: string): string => {
    // A dialect's own meta-schema: the validator holds it, so the absolute $ref stays as written.
    if (docs.keepsAsWritten(ref, { url, pointer })) return ref;
    const target = docs.resolve(ref, { url, pointer });
    if (keepIds) {
      refs.set(`#${at}`, `#${bundledPointer(target)}`);
      return ref;
    }
    if (target.url === rootUrl) return `#${encodeFragment(target.pointer)}`;
    return `#/${container}/${encodeFragment(escapePointerSegment(entryFor(target)))}`;
  };

  const copySchema = (node: unknown, url: string, at: string, from: string, isRoot: boolean): unknown => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
    const source = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const value = source[key];
      let name = key;
      const ours = aliasOf.get(key);
      if (ours !== undefined) {
        if (Object.hasOwn(source, ours)) {
          diagnostics.push({
            severity: 'error',
            rule: 'alias-conflict',
            message: `"${key}" is an alias of "${ours}", but this node has both; "${ours}" is used`,
            location: { schemaPointer: `#${at}/${escapePointerSegment(key)}`, file: displayName(url) },
          });
        } else {
          name = ours;
          origins.set(`${at}/${escapePointerSegment(ours)}`, {
            url,
            pointer: `${from}/${escapePointerSegment(key)}`,
          });
        }
      }
      // Every ref becomes a pointer from the bundle's root, so nested $id/$anchor would only mislead ajv.
      if (!isRoot && name === '$schema') continue;
      if (!keepIds && ((!isRoot && name === '$id') || name === '$anchor')) continue;
      if (name === '$ref' && typeof value === 'string') {
        // Only with unresolvedRefs: 'report' (the linter): the error is reported and the $ref dropped.
        const failed = docs.unresolved.get(`${url}#${from}`);
        if (failed) {
          diagnostics.push({
            severity: 'error',
            rule: 'unresolved-ref',
            message: failed.reason,
            // The node, not its $ref: the $ref is not in the bundle, so only the node can be located.
            location: { schemaPointer: `#${at}`, file: displayName(url) },
          });
          continue;
        }
        setOwn(out, name, rewriteRef(value, url, from, at));
        continue;
      }
      if (keepIds && (name === '$dynamicRef' || name === '$recursiveRef') && typeof value === 'string') {
        // Means a $ref: written as one, which the validator resolves exactly (a node with both keeps it).
        const asRef =
          typeof source.$ref === 'string'
            ? undefined
            : docs.staticReference(name, value, { url, pointer: from }, rootUrl);
        if (asRef !== undefined) {
          setOwn(out, '$ref', rewriteRef(asRef, url, from, at));
          continue;
        }
        // ajv takes only "#name" here; anything else it cannot compile, so its first target is used.
        const first = value.startsWith('#') ? undefined : docs.firstTarget(value, { url, pointer: from });
        if (first !== undefined && typeof source.$ref !== 'string') {
          setOwn(out, '$ref', rewriteRef(first, url, from, at));
          diagnostics.push({
            severity: 'warning',
            rule: 'dynamic-ref-as-ref',
            message: `${name} "${value}" is checked as a $ref to its first target: the validator resolves ${name} only as "#name"`,
            location: { schemaPointer: `#${at}`, file: displayName(url) },
          });
          continue;
        }
      }
      if (name === '$ref') {
        diagnostics.push({
          severity: 'error',
          rule: 'invalid-ref',
          message: `$ref must be a string (a URI), not ${JSON.stringify(value)}`,
          location: { schemaPointer: `#${at}/$ref`, file: displayName(url) },
        });
      }
      const childAt = `${at}/${escapePointerSegment(name)}`;
      const childFrom = `${from}/${escapePointerSegment(key)}`;
      setOwn(out, name, copyKeyword(name, value, url, childAt, childFrom));
    }
    if (Array.isArray(out.enum) && out.enum.length === 0) {
      // Allows nothing, as the specification says; ajv refuses to compile an empty enum, `not: {}` it takes.
      delete out.enum;
      if (out.not === undefined) out.not = {};
      else out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { not: {} }];
      diagnostics.push({
        severity: 'warning',
        rule: 'empty-enum',
        message: '"enum": [] allows no value at all; this field can never be valid',
        location: { schemaPointer: `#${at}`, file: displayName(url) },
      });
    }
    if (typeof out.$ref === 'string' && Object.keys(out).some((k) => !harmlessRefSiblings.has(k))) {
      wrapRef(out, url, at, from);
    }
    return out;
  };

  const copyKeyword = (keyword: string, value: unknown, url: string, at: string, from: string): unknown => {
    if (Array.isArray(value)) {
      if (!arrayOfSchemasKeywords.has(keyword)) return value;
      return value.map((child, i) => copySchema(child, url, `${at}/${i}`, `${from}/${i}`, false));
    }
    if (typeof value !== 'object' || value === null) return value;
    if (singleSchemaKeywords.has(keyword)) return copySchema(value, url, at, from, false);
    if (!mapOfSchemasKeywords.has(keyword)) return value; // data (default, enum, x- values): shared, never walked
    const map = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(map)) {
      const seg = escapePointerSegment(name);
      const child = map[name];
      setOwn(
        out,
        name,
        Array.isArray(child) ? child : copySchema(child, url, `${at}/${seg}`, `${from}/${seg}`, false),
      );
    }
    return out;
  };

  /** {$ref, ...siblings} -> {...siblings, allOf: [...allOf, {$ref}]}: appended, so existing indexes keep. */
  const wrapRef = (out: Record<string, unknown>, url: string, at: string, from: string): void => {
    const ref = out.$ref;
    delete out.$ref;
    const allOf = Array.isArray(out.allOf) ? [...out.allOf] : [];
    origins.set(`${at}/allOf/${allOf.length}`, { url, pointer: from });
    const target = refs.get(`#${at}`);
    if (target !== undefined) {
      refs.delete(`#${at}`);
      refs.set(`#${at}/allOf/${allOf.length}`, target);
    }
    allOf.push({ $ref: ref });
    out.allOf = allOf;
  };

  const schema = copySchema(rootValue, rootUrl, '', '', true) as Record<string, unknown>;
  if (keepIds && typeof schema.$id !== 'string') schema.$id = withoutFragment(rootUrl);
  const entries: Record<string, unknown> = {};
  for (let next = 0; next < pending.length; next++) {
    const [name, target] = pending[next]!;
    const at = `/${container}/${escapePointerSegment(name)}`;
    origins.set(at, target);
    const value = getAt(docs.get(target.url)?.value, target.pointer);
    const copy = copySchema(value, target.url, at, target.pointer, false);
    // Embedded whole, under the URI its $refs and the refs to it resolve against.
    if (keepIds && copy && typeof copy === 'object')
      (copy as Record<string, unknown>).$id = docs.resourceUri(target.url);
    setOwn(entries, name, copy);
  }
  if (Object.keys(entries).length > 0) {
    const current = schema[container];
    schema[container] = { ...(current && typeof current === 'object' ? current : {}), ...entries };
    if (typeof schema.$ref === 'string') wrapRef(schema, rootUrl, '', '');
  }
  return { schema, origins, diagnostics, ...(keepIds ? { refs } : {}) };
}

/** Percent-encodes what a URI fragment may not hold; ajv decodes it back. "/a b" -> "/a%20b". */
function encodeFragment(pointer: string): string {
  return pointer.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/gu, (c) => encodeURIComponent(c));
}
