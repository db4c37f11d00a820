/**
 * Which JSON Schema dialect a schema is written in, from its `$schema` URI. Only the three dialects
 * ajv compiles (Ajv, Ajv2019, Ajv2020) are accepted: an unknown URI is an error, never a silent guess,
 * because the dialect changes what keywords like `items` and `$ref` siblings mean.
 */
import type { Dialect, FormatPolicy } from '../FieldModel';

const dialectUris: ReadonlyMap<string, Dialect> = new Map([
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
]);

/** The canonical `$schema` URI of each dialect, for messages and for writing schemas. */
export const dialectUri: Readonly<Record<Dialect, string>> = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

export const dialects: readonly Dialect[] = ['draft-07', '2019-09', '2020-12'];

/**
 * The dialect a `$schema` URI names (http or https, with or without a trailing "#"), or undefined
 * when it names none we support. Example: dialectFromUri('http://json-schema.org/draft-07/schema#') === 'draft-07'.
 */
export function dialectFromUri(uri: string): Dialect | undefined {
  const bare = uri
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/#$/, '');
  return dialectUris.get(bare);
}

/** True when `value` is one of our dialect names. */
export function isDialect(value: unknown): value is Dialect {
  return typeof value === 'string' && (dialects as readonly string[]).includes(value);
}

/**
 * What `format` does in `dialect`: draft-07 asserts (as ajv does) unless formulary.config.json says
 * "annotate"; in 2019-09 and 2020-12 it is an annotation, as those dialects specify (only a custom
 * meta-schema's format-assertion vocabulary would make it assert, and such a $schema is not loaded).
 */
export function formatPolicyOf(dialect: Dialect, configured?: FormatPolicy): FormatPolicy {
  return dialect === 'draft-07' ? (configured ?? 'assert') : 'annotate';
}
