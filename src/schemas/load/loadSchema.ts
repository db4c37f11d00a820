/**
 * loadSchema: a schema file, URL or object -> one self-contained, normalised schema with its dialect,
 * diagnostics, the texts read and a locate() back to file:line:col. Framework-free (Node reads files,
 * the browser fetches). It never validates data and never runs a schema's `pattern`: it only reads.
 */
import type { Dialect, SchemaDiagnostic } from '../FieldModel';
import { formatPointer, hasAt, parsePointer } from '../pointer';
import { aliasMap } from './aliasMap';
import { dialectFromUri, dialectUri, formatPolicyOf, isDialect } from './dialectOf';
import { displayName, objectSourceUrl, readDocumentText, toDocumentUrl } from './documentUrl';
import { findRecursiveRefs } from './findRecursiveRefs';
import { findUnknownKeywords } from './findUnknownKeywords';
import { internaliseRefs } from './internaliseRefs';
import { JsonDocument } from './JsonDocument';
import type { LoadedSchema, LoadOptions, SourceLocation } from './LoadOptions';
import { SchemaDocuments } from './SchemaDocuments';
import { SchemaLoadError } from './SchemaLoadError';

/**
 * Loads and bundles a schema. Throws SchemaLoadError (with file, pointer, line, column where known)
 * for what cannot load: a missing or unreadable file, invalid JSON, an unknown `$schema`, a $ref to
 * nothing, bad options. Everything else (unknown keywords, recursion) is a diagnostic and the schema
 * still loads. O(size of every document reached).
 * Example: (await loadSchema('sans.schema.json')).dialect === 'draft-07'.
 */
export async function loadSchema(
  source: string | URL | object | boolean,
  options: LoadOptions = {},
): Promise<LoadedSchema> {
  let aliasOf: Map<string, string>;
  try {
    aliasOf = aliasMap(options.aliases as Record<string, unknown> | undefined);
  } catch (cause) {
    throw new SchemaLoadError(`Invalid options: ${(cause as Error).message}`);
  }
  if (options.defaultDialect !== undefined && !isDialect(options.defaultDialect)) {
    throw new SchemaLoadError(
      `Invalid options: defaultDialect "${String(options.defaultDialect)}" is not one of draft-07, 2019-09, 2020-12`,
    );
  }
  const read = options.read ?? readDocumentText;
  const docs = new SchemaDocuments(read, options.unresolvedRefs === 'report');
  const rootUrl = await openRoot(source, options, docs);
  const root = docs.get(rootUrl)!;
  if (typeof root.value === 'boolean') return booleanRoot(root, options.defaultDialect ?? '2020-12', options);
  if (typeof root.value !== 'object' || root.value === null || Array.isArray(root.value)) {
    throw new SchemaLoadError(
      `${root.name}: a schema must be a JSON object, true or false`,
      { file: root.name, pointer: '' },
      { words: { key: 'load.notObject', values: { file: root.name } } },
    );
  }
  const { dialect, formatAssertion } = await rootDialect(
    root,
    rootUrl,
    options.defaultDialect ?? '2020-12',
    options.read ?? readDocumentText,
  );
  docs.dialect = dialect;
  await docs.crawl(rootUrl);

  const diagnostics: SchemaDiagnostic[] = [];
  for (const doc of docs.all()) {
    if (doc === root) continue;
    const declared = (doc.value as { $schema?: unknown } | null)?.$schema;
    const other = typeof declared === 'string' ? dialectFromUri(declared) : undefined;
    if (declared !== undefined && other !== dialect) {
      diagnostics.push({
        severity: 'warning',
        rule: 'dialect-mismatch',
        message: `${doc.name} declares $schema "${String(declared)}" but is used from a ${dialect} schema; it is read as ${dialect}`,
        location: { schemaPointer: '#', file: doc.name },
      });
    }
  }
  const container = dialect === 'draft-07' ? 'definitions' : '$defs';
  const bundled = internaliseRefs(docs, rootUrl, container, aliasOf, docs.usesDynamicScope());
  // A custom meta-schema was read for its dialect; the validator knows the dialect's own.
  if (typeof bundled.schema.$schema === 'string' && !dialectFromUri(bundled.schema.$schema))
    bundled.schema.$schema = dialectUri[dialect];

  const locate = (schemaPointer: string): SourceLocation | undefined => {
    let keys: string[];
    try {
      keys = parsePointer(schemaPointer);
    } catch {
      return undefined;
    }
    if (!hasAt(bundled.schema, formatPointer(keys))) return undefined;
    for (let n = keys.length; n >= 0; n--) {
      const origin = bundled.origins.get(formatPointer(keys.slice(0, n)));
      if (!origin) continue;
      const doc = docs.get(origin.url);
      const at = doc?.position(origin.pointer + formatPointer(keys.slice(n)));
      if (!doc || !at) return undefined;
      return { file: doc.name, pointer: at.pointer, line: at.line, column: at.column };
    }
    return undefined;
  };

  const strictness = {
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.extraKeywords ? { extraKeywords: options.extraKeywords } : {}),
  };
  const reported = new Set<string>();
  for (const d of [
    ...bundled.diagnostics,
    ...findRecursiveRefs(bundled.schema),
    ...findUnknownKeywords(bundled.schema, dialect, strictness),
  ]) {
    const at = locate(d.location.schemaPointer);
    // Two refs to overlapping parts of one file copy it twice: report each written keyword once.
    const key = `${d.rule}|${at ? `${at.file}#${at.pointer}` : d.location.schemaPointer}|${d.message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const file = d.location.file ?? at?.file;
    diagnostics.push(file === undefined ? d : { ...d, location: { ...d.location, file } });
  }
  return {
    schema: bundled.schema,
    dialect,
    formats: formatAssertion ? 'assert' : formatPolicyOf(dialect, options.formats),
    ...(bundled.refs ? { refs: bundled.refs } : {}),
    diagnostics,
    files: new Map(docs.all().map((doc) => [doc.name, doc.text])),
    rootFile: root.name,
    locate,
  };
}

/** Reads (or, for an object, prints) the root document into `docs`; returns its URL. */
async function openRoot(
  source: string | URL | object | boolean,
  options: LoadOptions,
  docs: SchemaDocuments,
): Promise<string> {
  if (typeof source === 'string' || source instanceof URL) {
    const url = await toDocumentUrl(source);
    let text: string;
    try {
      text = await (options.read ?? readDocumentText)(url);
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new SchemaLoadError(
        `Cannot read schema ${displayName(url)} (${why})`,
        { file: displayName(url) },
        { cause, words: unreadableWords(displayName(url), cause, why) },
      );
    }
    docs.add(url, new JsonDocument(displayName(url), text));
    return url;
  }
  // true and false are schemas too (anything, nothing).
  if (
    typeof source !== 'boolean' &&
    (typeof source !== 'object' || source === null || Array.isArray(source))
  ) {
    throw new SchemaLoadError('loadSchema needs a file path, a URL, a schema object, true or false');
  }
  const url = options.baseUrl !== undefined ? await toDocumentUrl(options.baseUrl) : objectSourceUrl;
  // Printed, so locate() has lines to point at and later changes to the caller's object do not leak in.
  docs.add(url, new JsonDocument(displayName(url), JSON.stringify(source, null, 2)));
  return url;
}

const formatAssertionVocabulary = /\/vocab\/format-assertion$/;

/**
 * The dialect the root's `$schema` names, or the default when absent. A `$schema` naming a custom
 * meta-schema (a facility's own, extending a dialect) is read: its own `$schema` gives the dialect, and
 * a format-assertion vocabulary in its `$vocabulary` makes `format` assert. A URI that cannot be read,
 * or whose meta-schema names no dialect we support, is fatal.
 */
async function rootDialect(
  root: JsonDocument,
  rootUrl: string,
  fallback: Dialect,
  read: (url: string) => Promise<string>,
): Promise<{ dialect: Dialect; formatAssertion: boolean }> {
  const declared = (root.value as { $schema?: unknown }).$schema;
  if (declared === undefined) return { dialect: fallback, formatAssertion: false };
  const dialect = typeof declared === 'string' ? dialectFromUri(declared) : undefined;
  if (dialect) return { dialect, formatAssertion: false };
  let why = '';
  if (typeof declared === 'string') {
    try {
      const metaUrl = new URL(declared, rootUrl);
      if (metaUrl.protocol === 'file:' && !rootUrl.startsWith('file:'))
        throw new Error('a schema from the network may not name a local meta-schema');
      const meta = new JsonDocument(declared, await read(metaUrl.href)).value as Record<string, unknown>;
      const base = typeof meta?.$schema === 'string' ? dialectFromUri(meta.$schema) : undefined;
      const vocabulary = meta?.$vocabulary;
      if (base) {
        const formatAssertion =
          typeof vocabulary === 'object' &&
          vocabulary !== null &&
          Object.keys(vocabulary).some((v) => formatAssertionVocabulary.test(v));
        return { dialect: base, formatAssertion };
      }
      why = ' (its meta-schema names no supported dialect in its own $schema)';
    } catch (cause) {
      why = ` (${cause instanceof Error ? cause.message : String(cause)})`;
    }
  }
  const at = root.position('/$schema');
  const supported = Object.values(dialectUri).join(', ');
  throw new SchemaLoadError(
    `Unknown dialect $schema ${JSON.stringify(declared)}${why}; supported: ${supported}`,
    {
      file: root.name,
      pointer: '/$schema',
      ...(at ? { line: at.line, column: at.column } : {}),
    },
    { words: { key: 'load.unknownDialect', values: { declared: JSON.stringify(declared), why, supported } } },
  );
}

/**
 * A root schema `true` (anything) or `false` (nothing): the bundle is `{}` or `{"not": {}}`, which mean
 * the same to the validator and give a form of one JSON field.
 */
function booleanRoot(root: JsonDocument, dialect: Dialect, options: LoadOptions): LoadedSchema {
  const schema: Record<string, unknown> = root.value === true ? {} : { not: {} };
  return {
    schema,
    dialect,
    formats: formatPolicyOf(dialect, options.formats),
    diagnostics: [],
    files: new Map([[root.name, root.text]]),
    rootFile: root.name,
    locate: (pointer) => {
      const at = pointer === '' || pointer === '#' ? root.position('') : undefined;
      return at ? { file: root.name, pointer: '', line: at.line, column: at.column } : undefined;
    },
  };
}

/** The catalogue words of a file that could not be read: a missing file in words, other causes as the system says them. */
function unreadableWords(
  file: string,
  cause: unknown,
  why: string,
): { key: string; values: Record<string, string> } {
  return (cause as { code?: string }).code === 'ENOENT'
    ? { key: 'load.notFound', values: { file } }
    : { key: 'load.cannotRead', values: { file, why } };
}
