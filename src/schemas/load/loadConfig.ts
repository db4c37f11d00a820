/**
 * loadConfig: reads formulary.config.json (the CLI's --config FILE) into LoadOptions-compatible
 * settings, checking every field so a typo in the config is an error naming the field and its line,
 * never an option silently ignored.
 */
import { aliasMap } from './aliasMap';
import { isDialect } from './dialectOf';
import { displayName, readDocumentText, toDocumentUrl } from './documentUrl';
import { JsonDocument } from './JsonDocument';
import type { FormularyConfig } from './LoadOptions';
import { SchemaLoadError } from './SchemaLoadError';

const stringListFields = ['extraKeywords', 'unitsRequiredFor', 'acronyms'] as const;
const knownFields = new Set([
  '$schema',
  '$comment',
  'aliases',
  'strict',
  'defaultDialect',
  'formats',
  ...stringListFields,
]);

/** Reads and checks a config file. Throws SchemaLoadError naming the file, field, line and column. */
export async function loadConfig(path: string | URL): Promise<FormularyConfig> {
  const url = await toDocumentUrl(path);
  let text: string;
  try {
    text = await readDocumentText(url);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new SchemaLoadError(
      `Cannot read config ${displayName(url)} (${why})`,
      { file: displayName(url) },
      { cause },
    );
  }
  const doc = new JsonDocument(displayName(url), text);
  return checkConfig(doc.value, doc);
}

/** Checks a parsed config value; `doc` (when given) supplies file, line and column for errors. */
export function checkConfig(value: unknown, doc?: JsonDocument): FormularyConfig {
  const fail = (field: string, message: string): never => {
    const pointer = field ? `/${field.replace(/\./g, '/')}` : '';
    const at = doc?.position(pointer);
    throw new SchemaLoadError(`Invalid config: ${message}`, {
      ...(doc ? { file: doc.name } : {}),
      pointer,
      ...(at ? { line: at.line, column: at.column } : {}),
    });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('', 'must be a JSON object');
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!knownFields.has(key)) fail(key, `unknown field "${key}" (known: ${[...knownFields].join(', ')})`);
  }
  if (config.strict !== undefined && typeof config.strict !== 'boolean')
    fail('strict', '"strict" must be true or false');
  if (config.defaultDialect !== undefined && !isDialect(config.defaultDialect)) {
    fail('defaultDialect', '"defaultDialect" must be "draft-07", "2019-09" or "2020-12"');
  }
  if (config.formats !== undefined && config.formats !== 'assert' && config.formats !== 'annotate')
    fail('formats', '"formats" must be "assert" or "annotate"');
  for (const field of stringListFields) {
    const list = config[field];
    if (list !== undefined && (!Array.isArray(list) || list.some((x) => typeof x !== 'string'))) {
      fail(field, `"${field}" must be a list of strings`);
    }
  }
  try {
    aliasMap(config.aliases as Record<string, unknown> | undefined);
  } catch (cause) {
    const field = /^"aliases\.([^"]+)"/.exec((cause as Error).message)?.[1];
    fail(field ? `aliases.${field}` : 'aliases', (cause as Error).message);
  }
  return config as FormularyConfig;
}
