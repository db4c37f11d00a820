/**
 * The dialects' own meta-schemas, which a schema may `$ref` ("validate this value as a schema"). They
 * are never fetched: a dialect's meta-schemas ship inside ajv and are registered in the validator of
 * that dialect, so a `$ref` to one stays as written (not bundled); the draft-07 meta-schema, used from a
 * 2019-09 or 2020-12 schema, is read from ajv's shipped copy and bundled like any other file.
 */
import type { Dialect } from '../FieldModel';
import { withoutFragment } from './documentIndex';

const metaOf: Readonly<Record<Dialect, readonly string[]>> = {
  'draft-07': ['http://json-schema.org/draft-07/schema'],
  '2019-09': [
    'schema',
    'meta/core',
    'meta/applicator',
    'meta/validation',
    'meta/meta-data',
    'meta/format',
    'meta/content',
  ].map((p) => `https://json-schema.org/draft/2019-09/${p}`),
  '2020-12': [
    'schema',
    'meta/core',
    'meta/applicator',
    'meta/unevaluated',
    'meta/validation',
    'meta/meta-data',
    'meta/format-annotation',
    'meta/content',
  ].map((p) => `https://json-schema.org/draft/2020-12/${p}`),
};

const builtIn: Readonly<Record<Dialect, ReadonlySet<string>>> = {
  'draft-07': new Set(metaOf['draft-07']),
  '2019-09': new Set(metaOf['2019-09']),
  '2020-12': new Set(metaOf['2020-12']),
};

/** True when the validator of `dialect` already holds the meta-schema `uri` names (fragment ignored). */
export function isBuiltInMetaSchema(uri: string, dialect: Dialect): boolean {
  return builtIn[dialect].has(withoutFragment(uri));
}

/** The text of a meta-schema ajv ships that is bundled rather than built in, or undefined. */
export async function shippedMetaSchemaText(uri: string): Promise<string | undefined> {
  if (withoutFragment(uri) !== metaOf['draft-07'][0]) return undefined;
  const draft07 = (await import('ajv/dist/refs/json-schema-draft-07.json')).default;
  return JSON.stringify(draft07, null, 2);
}
