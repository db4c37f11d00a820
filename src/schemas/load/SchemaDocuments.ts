/**
 * The set of schema documents one load reads, keyed by absolute URL, and $ref resolution between
 * them: crawl() follows every $ref reachable from the root (reading each file once, cycle-safe) so the
 * later passes are synchronous. $ref is resolved against the URL of the file that contains it; `$id`
 * does not move the base (files are found where they sit, as json-schema-ref-parser also does).
 */
import { getAt, hasAt } from '../pointer';
import { displayName, type ReadText } from './documentUrl';
import { forEachSubschema } from './forEachSubschema';
import { JsonDocument } from './JsonDocument';
import { SchemaLoadError } from './SchemaLoadError';

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

export class SchemaDocuments {
  private readonly docs = new Map<string, JsonDocument>();
  private readonly anchors = new Map<string, Map<string, string>>();
  private readonly byId = new Map<string, string>();

  /**
   * With `reportUnresolved`, the $ref sites crawl() could not resolve ("<url>#<pointer of the node>")
   * and why, instead of crawl() throwing at the first.
   */
  readonly unresolved = new Map<string, SchemaLoadError>();

  constructor(
    private readonly read: ReadText,
    private readonly reportUnresolved = false,
  ) {}

  /** Registers an already-parsed document (the root, or an object source). */
  add(url: string, doc: JsonDocument): void {
    this.docs.set(url, doc);
    // A $ref by a document's absolute $id ("https://facility.org/schemas/common.json") finds the copy
    // already read, instead of fetching it from the network.
    const id = (doc.value as { $id?: unknown } | null)?.$id;
    if (typeof id === 'string' && absoluteUrl.test(id)) {
      const byId = new URL(id);
      byId.hash = '';
      if (!this.byId.has(byId.href)) this.byId.set(byId.href, url);
    }
  }

  get(url: string): JsonDocument | undefined {
    return this.docs.get(url);
  }

  /** Every document read, in reading order. */
  all(): JsonDocument[] {
    return [...this.docs.values()];
  }

  /**
   * Reads every document reachable by $ref from `rootUrl`, breadth-first, each once. Throws
   * SchemaLoadError naming the file and the pointer of the $ref when a file is missing, is not JSON,
   * or the pointer it names is not in it. O(total schema size).
   */
  async crawl(rootUrl: string): Promise<void> {
    const seen = new Set<string>([`${rootUrl}#`]);
    const queue: RefTarget[] = [{ url: rootUrl, pointer: '' }];
    // Refs by absolute URL wait until every relative ref is read: the file they name may be one of
    // those (found by its $id), and then nothing is fetched from the network.
    const later: [RefSite, string][] = [];
    const follow = async (site: RefSite, ref: string) => {
      let target: RefTarget;
      try {
        const targetUrl = this.refUrl(ref, site);
        if (!this.docs.has(targetUrl)) await this.load(targetUrl, site, ref);
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
        },
        pointer,
      );
      for (const [at, ref] of sites) {
        const site = { url, pointer: at };
        if (absoluteUrl.test(ref) && !this.docs.has(this.refUrl(ref, site))) later.push([site, ref]);
        else await follow(site, ref);
      }
    }
  }

  /** Resolves a $ref written at `site` to a document and pointer; the document must be loaded. */
  resolve(ref: string, site: RefSite): RefTarget {
    const url = this.refUrl(ref, site);
    const doc = this.docs.get(url);
    const hash = ref.indexOf('#');
    let fragment = hash < 0 ? '' : ref.slice(hash + 1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      // A stray "%" stays as written; the pointer lookup below then names it.
    }
    let pointer = fragment;
    if (fragment !== '' && !fragment.startsWith('/')) {
      const found = this.anchorsOf(url).get(fragment);
      if (found === undefined)
        throw this.error(`$ref "${ref}": no $anchor or $id "#${fragment}" in ${displayName(url)}`, site);
      pointer = found;
    }
    if (!doc || !hasAt(doc.value, pointer)) {
      throw this.error(`$ref "${ref}": ${displayName(url)} has nothing at #${pointer}`, site);
    }
    return { url, pointer };
  }

  /** The absolute document URL a $ref names (the containing document's URL when it is "#..."). */
  refUrl(ref: string, site: RefSite): string {
    const hash = ref.indexOf('#');
    const path = hash < 0 ? ref : ref.slice(0, hash);
    if (path === '') return site.url;
    let url: URL;
    try {
      url = new URL(path, site.url);
    } catch {
      throw this.error(`$ref "${ref}" cannot be resolved against ${displayName(site.url)}`, site);
    }
    url.hash = '';
    const known = this.byId.get(url.href);
    if (known !== undefined && !this.docs.has(url.href)) return known;
    const from = new URL(site.url).protocol;
    // A schema fetched over the network must not make us read local files.
    if (url.protocol === 'file:' && from !== 'file:') {
      throw this.error(`$ref "${ref}" in a document from ${from}// may not point at a local file`, site);
    }
    return url.href;
  }

  private async load(url: string, site: RefSite, ref: string): Promise<void> {
    let text: string;
    try {
      text = await this.read(url);
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      throw this.error(`$ref "${ref}": cannot read ${displayName(url)} (${why})`, site, cause);
    }
    this.add(url, new JsonDocument(displayName(url), text));
  }

  /** Plain-name fragments: `$anchor: "x"` (2019-09+) and `$id: "#x"` (draft-07) in one document. */
  private anchorsOf(url: string): Map<string, string> {
    let found = this.anchors.get(url);
    if (!found) {
      const names = new Map<string, string>();
      forEachSubschema(this.docs.get(url)?.value, (node, pointer) => {
        if (typeof node.$anchor === 'string') names.set(node.$anchor, pointer);
        if (typeof node.$id === 'string' && node.$id.startsWith('#')) names.set(node.$id.slice(1), pointer);
      });
      found = names;
      this.anchors.set(url, found);
    }
    return found;
  }

  /** A SchemaLoadError at a $ref site, with its line and column when the file has text. */
  error(message: string, site: RefSite, cause?: unknown): SchemaLoadError {
    const doc = this.docs.get(site.url);
    const at = doc?.position(`${site.pointer}/$ref`);
    return new SchemaLoadError(
      message,
      {
        file: displayName(site.url),
        pointer: site.pointer,
        ...(at ? { line: at.line, column: at.column } : {}),
      },
      cause === undefined ? undefined : { cause },
    );
  }
}
