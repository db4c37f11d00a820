/**
 * The set of schema documents one load reads, keyed by absolute URL, and $ref resolution between
 * them: crawl() follows every $ref reachable from the root (reading each file once, cycle-safe) so the
 * later passes are synchronous. A $ref is resolved against the base URI where it is written: the
 * document's URL, moved by any enclosing `$id` (documentIndex.ts), so embedded resources, anchors and
 * `$id`-relative files resolve as the specification says; a URI no document defines is read from where
 * it points (relative to the file, as json-schema-ref-parser also does). The dialects' meta-schemas are
 * never fetched (metaSchemas.ts).
 */
import type { Dialect } from '../FieldModel';
import { getAt, hasAt } from '../pointer';
import { resolveUri } from '../validate/uriResolver';
import { dialectFromUri } from './dialectOf';
import { type DocumentIndex, fragmentOf, indexDocument, withoutFragment } from './documentIndex';
import { displayName, type ReadText } from './documentUrl';
import { forEachSubschema } from './forEachSubschema';
import { JsonDocument } from './JsonDocument';
import { isBuiltInMetaSchema, shippedMetaSchemaText } from './metaSchemas';
import { SchemaLoadError, type SchemaLoadErrorWords } from './SchemaLoadError';

/** A resolved $ref: the document URL and a JSON Pointer into it. */
export interface RefTarget {
  readonly url: string;
  readonly pointer: string;
}

/** Where a $ref is written: file URL and pointer of the object holding it. */
export interface RefSite {
  readonly url: string;
  readonly pointer: string;
}

const absoluteUrl = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;
const dynamicKeywords = ['$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor'];

export class SchemaDocuments {
  private readonly docs = new Map<string, JsonDocument>();
  private readonly indexes = new Map<string, DocumentIndex>();
  /** Absolute URI (no fragment) of every document and embedded resource read -> where it is. */
  private readonly resources = new Map<string, RefTarget>();
  /** "<resource URI>#<anchor>" -> where it is. */
  private readonly anchors = new Map<string, RefTarget>();

  /**
   * With `reportUnresolved`, the $ref sites crawl() could not resolve ("<url>#<pointer of the node>")
   * and why, instead of crawl() throwing at the first.
   */
  readonly unresolved = new Map<string, SchemaLoadError>();

  /** Dialect of documents that do not declare their own `$schema` (the root's). */
  dialect: Dialect = '2020-12';

  constructor(
    private readonly read: ReadText,
    private readonly reportUnresolved = false,
  ) {}

  /** Registers an already-parsed document (the root, or an object source). */
  add(url: string, doc: JsonDocument): void {
    this.docs.set(url, doc);
    this.indexes.delete(url);
  }

  get(url: string): JsonDocument | undefined {
    return this.docs.get(url);
  }

  /** Every document read, in reading order. */
  all(): JsonDocument[] {
    return [...this.docs.values()];
  }

  /**
   * The document's base URIs, resources and anchors, computed once; its resources and anchors join
   * the load-wide tables (the first document to define a URI keeps it). Undefined if not read.
   */
  private indexOf(url: string): DocumentIndex | undefined {
    const cached = this.indexes.get(url);
    if (cached) return cached;
    const doc = this.docs.get(url);
    if (!doc) return undefined;
    const declared = (doc.value as { $schema?: unknown } | null)?.$schema;
    const dialect = (typeof declared === 'string' ? dialectFromUri(declared) : undefined) ?? this.dialect;
    const index = indexDocument(doc.value, url, dialect);
    this.indexes.set(url, index);
    for (const [uri, pointer] of index.resources)
      if (!this.resources.has(uri)) this.resources.set(uri, { url, pointer });
    for (const [name, pointer] of index.anchors)
      if (!this.anchors.has(name)) this.anchors.set(name, { url, pointer });
    return index;
  }

  /** The absolute URI of a document read: its root `$id` resolved against where it was read. */
  resourceUri(url: string): string {
    return this.indexOf(url)?.baseAt.get('') ?? withoutFragment(url);
  }

  /** True when any document read uses `$dynamicRef`, `$dynamicAnchor`, `$recursiveRef` or `$recursiveAnchor`. */
  usesDynamicScope(): boolean {
    for (const doc of this.docs.values()) {
      let found = false;
      forEachSubschema(doc.value, (node) => {
        if (!found) found = dynamicKeywords.some((k) => Object.hasOwn(node, k));
      });
      if (found) return true;
    }
    return false;
  }

  /**
   * The `$ref` a `$dynamicRef` or `$recursiveRef` at `site` amounts to for a validation that starts at
   * `rootUrl`, or undefined when only the path taken can tell. It is its first target when that carries
   * no matching dynamic anchor, or when no other schema read carries one; else, when the root resource
   * carries one, that anchor: the root is the outermost resource of every dynamic scope, so it always
   * wins. (ajv resolves `$dynamicRef` only to anchors at a resource root; a `$ref` it resolves exactly.)
   */
  staticReference(
    keyword: '$dynamicRef' | '$recursiveRef',
    ref: string,
    site: RefSite,
    rootUrl: string,
  ): string | undefined {
    let target: RefTarget;
    try {
      target = this.resolve(ref, site);
    } catch {
      return undefined;
    }
    const name = fragmentOf(ref);
    if (keyword === '$dynamicRef' && (name === '' || name.startsWith('/'))) return this.pointerUri(target);
    const matches = (n: unknown): boolean =>
      typeof n === 'object' &&
      n !== null &&
      (keyword === '$recursiveRef'
        ? (n as Record<string, unknown>).$recursiveAnchor === true
        : (n as Record<string, unknown>).$dynamicAnchor === name);
    if (!matches(getAt(this.docs.get(target.url)?.value, target.pointer))) return this.pointerUri(target);
    let count = 0;
    for (const doc of this.docs.values()) {
      forEachSubschema(doc.value, (n) => {
        if (matches(n)) count++;
      });
    }
    if (count <= 1) return this.pointerUri(target);
    const rootBase = this.resourceUri(rootUrl);
    const rootValue = this.docs.get(rootUrl)?.value;
    if (keyword === '$recursiveRef') return matches(rootValue) ? rootBase : undefined;
    const anchored = this.indexOf(rootUrl)?.anchors.get(`${rootBase}#${name}`);
    return anchored !== undefined && matches(getAt(rootValue, anchored))
      ? this.pointerUri({ url: rootUrl, pointer: anchored })
      : undefined;
  }

  /** Where a reference first points, as a pointer URI (see pointerUri), or undefined if nowhere. */
  firstTarget(ref: string, site: RefSite): string | undefined {
    try {
      return this.pointerUri(this.resolve(ref, site));
    } catch {
      return undefined;
    }
  }

  /**
   * A target as "<resource URI>#<pointer inside that resource>": what a validator keeping every `$id`
   * resolves to the same node, with no anchor to look up (ajv does not take a `$dynamicAnchor` below a
   * resource's root as a `$ref` target).
   */
  private pointerUri(target: RefTarget): string {
    const index = this.indexOf(target.url);
    const base = index?.baseAt.get(target.pointer) ?? this.resourceUri(target.url);
    const start = index?.resources.get(base) ?? '';
    const inside = target.pointer.startsWith(start) ? target.pointer.slice(start.length) : target.pointer;
    return `${base}#${inside.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/gu, (c) => encodeURIComponent(c))}`;
  }

  /** The base URI a $ref written at `site` resolves against. */
  private baseOf(site: RefSite): string {
    return this.indexOf(site.url)?.baseAt.get(site.pointer) ?? withoutFragment(site.url);
  }

  /** The absolute URI (no fragment) and the raw fragment a $ref at `site` names. */
  private refUri(ref: string, site: RefSite): { uri: string; fragment: string } {
    const full = resolveUri(this.baseOf(site), ref);
    return { uri: withoutFragment(full), fragment: fragmentOf(full) };
  }

  /**
   * True when a $ref stays as written in the bundle: it names one of the dialect's own meta-schemas,
   * which the validator already holds (and which no document here redefines).
   */
  keepsAsWritten(ref: string, site: RefSite): boolean {
    const { uri } = this.refUri(ref, site);
    return !this.resources.has(uri) && isBuiltInMetaSchema(uri, this.dialect);
  }

  /**
   * Reads every document reachable by $ref from `rootUrl`, breadth-first, each once. Throws
   * SchemaLoadError naming the file and the pointer of the $ref when a file is missing, is not JSON,
   * or the pointer it names is not in it. O(total schema size).
   */
  async crawl(rootUrl: string): Promise<void> {
    for (const url of this.docs.keys()) this.indexOf(url);
    const seen = new Set<string>([`${rootUrl}#`]);
    const queue: RefTarget[] = [{ url: rootUrl, pointer: '' }];
    // Refs by absolute URL wait until every relative ref is read: the file they name may be one of
    // those (found by its $id), and then nothing is fetched from the network.
    const later: [RefSite, string][] = [];
    const follow = async (site: RefSite, ref: string) => {
      let target: RefTarget;
      try {
        if (this.keepsAsWritten(ref, site)) return;
        const targetUrl = this.refUrl(ref, site);
        if (!this.docs.has(targetUrl)) await this.loadNear(targetUrl, site, ref);
        target = this.resolve(ref, site);
      } catch (error) {
        // Only errors at the $ref itself (nothing there, no such file): a file that exists but is
        // not JSON still stops the load, located in that file.
        const atSite = error instanceof SchemaLoadError && error.file === displayName(site.url);
        if (!this.reportUnresolved || !atSite) throw error;
        this.unresolved.set(`${site.url}#${site.pointer}`, error);
        return;
      }
      const key = `${target.url}#${target.pointer}`;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(target);
      }
    };
    // An index, not shift(): 40,000 refs to one definition made shift() quadratic (measured: 1.1 s of 3.6 s).
    let next = 0;
    let nextLater = 0;
    while (next < queue.length || nextLater < later.length) {
      if (next === queue.length) {
        const [site, ref] = later[nextLater++]!;
        await follow(site, ref);
        continue;
      }
      const { url, pointer } = queue[next++]!;
      const sites: [string, string][] = [];
      forEachSubschema(
        getAt(this.docs.get(url)?.value, pointer),
        (node, at) => {
          if (typeof node.$ref === 'string') sites.push([at, node.$ref]);
          // Their first target is static: what it names must be read too.
          for (const k of ['$dynamicRef', '$recursiveRef']) {
            const ref = node[k];
            if (typeof ref === 'string') sites.push([at, ref]);
          }
        },
        pointer,
      );
      for (const [at, ref] of sites) {
        const site = { url, pointer: at };
        if (absoluteUrl.test(ref) && !this.resources.has(this.refUri(ref, site).uri)) later.push([site, ref]);
        else await follow(site, ref);
      }
    }
  }

  /** Resolves a $ref written at `site` to a document and pointer; the document must be loaded. */
  resolve(ref: string, site: RefSite): RefTarget {
    const { uri, fragment: raw } = this.refUri(ref, site);
    let fragment = raw;
    try {
      fragment = decodeURIComponent(raw);
    } catch {
      // A stray "%" stays as written; the pointer lookup below then names it.
    }
    const resource = this.resources.get(uri);
    if (!resource) throw this.error(`$ref "${ref}": nothing is known at ${displayName(uri)}`, site);
    let target: RefTarget = { url: resource.url, pointer: resource.pointer + fragment };
    if (fragment !== '' && !fragment.startsWith('/')) {
      const found = this.anchors.get(`${uri}#${fragment}`);
      if (found === undefined)
        throw this.error(`$ref "${ref}": no $anchor or $id "#${fragment}" in ${displayName(uri)}`, site);
      target = found;
    }
    const doc = this.docs.get(target.url);
    if (!doc || !hasAt(doc.value, target.pointer)) {
      throw this.error(`$ref "${ref}": ${displayName(uri)} has nothing at #${fragment}`, site);
    }
    return target;
  }

  /**
   * The URL of the document holding what a $ref names: the document of a known resource, else the
   * URI itself, to be read.
   */
  refUrl(ref: string, site: RefSite): string {
    let uri: string;
    try {
      uri = this.refUri(ref, site).uri;
    } catch {
      throw this.error(`$ref "${ref}" cannot be resolved against ${displayName(site.url)}`, site);
    }
    const known = this.resources.get(uri);
    if (known) return known.url;
    const protocol = (u: string): string => /^[^:]*:/.exec(u)?.[0].toLowerCase() ?? '';
    // A schema fetched over the network must not make us read local files.
    if (protocol(uri) === 'file:' && protocol(site.url) !== 'file:') {
      throw this.error(
        `$ref "${ref}" in a document from ${protocol(site.url)}// may not point at a local file`,
        site,
      );
    }
    return uri;
  }

  /**
   * Reads what a relative $ref names where an enclosing `$id` moved the base: first the file beside the
   * document that holds the ref (a facility's schema published under an https `$id` but read from
   * disk), then the `$id`-based URI. The one read answers for the `$id`-based URI too.
   */
  private async loadNear(targetUrl: string, site: RefSite, ref: string): Promise<void> {
    const beside = absoluteUrl.test(ref)
      ? targetUrl
      : withoutFragment(resolveUri(withoutFragment(site.url), ref));
    if (beside === targetUrl || this.resources.has(beside)) return this.load(targetUrl, site, ref);
    try {
      await this.load(beside, site, ref);
    } catch (besideError) {
      try {
        await this.load(targetUrl, site, ref);
        return;
      } catch {
        throw besideError;
      }
    }
    if (!this.resources.has(targetUrl)) this.resources.set(targetUrl, { url: beside, pointer: '' });
  }

  private async load(url: string, site: RefSite, ref: string): Promise<void> {
    let text: string;
    try {
      text = (await shippedMetaSchemaText(url)) ?? (await this.read(url));
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      const file = displayName(url);
      const words =
        (cause as { code?: string }).code === 'ENOENT'
          ? { key: 'load.refNotFound', values: { ref, file } }
          : { key: 'load.refCannotRead', values: { ref, file, why } };
      throw this.error(`$ref "${ref}": cannot read ${file} (${why})`, site, cause, words);
    }
    this.add(url, new JsonDocument(displayName(url), text));
    this.indexOf(url);
  }

  /** A SchemaLoadError at a $ref site, with its line and column when the file has text. */
  error(message: string, site: RefSite, cause?: unknown, words?: SchemaLoadErrorWords): SchemaLoadError {
    const doc = this.docs.get(site.url);
    const at = doc?.position(`${site.pointer}/$ref`);
    return new SchemaLoadError(
      message,
      {
        file: displayName(site.url),
        pointer: site.pointer,
        ...(at ? { line: at.line, column: at.column } : {}),
      },
      { ...(cause === undefined ? {} : { cause }), ...(words ? { words } : {}) },
    );
  }
}
