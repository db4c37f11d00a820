/**
 * Reads the CLI configuration: --config FILE, else ./formulary.config.json when present. The file is
 * the loader's formulary.config.json (aliases, strict, defaultDialect, extraKeywords, unitsRequiredFor,
 * acronyms) plus an optional "lint" section for the linter: {"rules": {"missing-units": "off"},
 * "quantities": ["wavelength", ...]} and an optional "translations" section naming each schema's
 * translation files: {"schemas/eqsans.schema.json": ["schemas/eqsans.fr.json"]} (paths relative to the
 * config file). Every field is checked; a bad one names the file and line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  checkConfig,
  type FormularyConfig,
  lintRules,
  locateInJson,
  type RuleSetting,
  systemRules,
} from '../schemas/index';
import { UsageError } from './UsageError';

export interface CliConfig {
  readonly load: FormularyConfig;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly quantities?: readonly string[];
  /** Absolute schema path -> absolute paths of its translation files. */
  readonly translations?: Readonly<Record<string, readonly string[]>>;
  /** The file it came from, if any. */
  readonly file?: string;
}

const settings = ['error', 'warning', 'info', 'off'];

/** Reads the config; throws UsageError when --config names a missing file, Error naming file:line otherwise. */
export function readCliConfig(configPath: string | undefined, cwd: string): CliConfig {
  const path = configPath ? resolve(cwd, configPath) : resolve(cwd, 'formulary.config.json');
  if (!existsSync(path)) {
    if (configPath) throw new UsageError('usage.configMissing', { path: configPath });
    return { load: {}, rules: {} };
  }
  const text = readFileSync(path, 'utf8');
  const file = configPath ?? 'formulary.config.json';
  const fail = (pointer: string, message: string): never => {
    const at = locateInJson(text, pointer);
    throw new Error(`${file}:${at.line}:${at.column}: invalid config: ${message}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: invalid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('', 'must be a JSON object');
  const { lint, translations: translationsField, ...rest } = value as Record<string, unknown>;
  const translations = readTranslationsField(translationsField, dirname(path), fail);
  let load: FormularyConfig;
  try {
    load = checkConfig(rest);
  } catch (error) {
    const pointer = (error as { pointer?: string }).pointer ?? '';
    return fail(
      pointer,
      (error as Error).message.replace(/^Invalid config: /, '').replace(/ \(at #.*\)$/, ''),
    );
  }
  if (lint === undefined) return { load, rules: {}, ...translations, file };
  if (typeof lint !== 'object' || lint === null || Array.isArray(lint))
    return fail('/lint', '"lint" must be an object');
  const { rules = {}, quantities, ...unknown } = lint as Record<string, unknown>;
  for (const key of Object.keys(unknown))
    fail(`/lint/${key}`, `unknown field "lint.${key}" (known: rules, quantities)`);
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules))
    return fail('/lint/rules', '"lint.rules" must be an object');
  const ids = new Set([...lintRules.map((r) => r.id), ...Object.keys(systemRules)]);
  for (const [id, setting] of Object.entries(rules)) {
    if (!ids.has(id)) fail(`/lint/rules/${id}`, `unknown rule "${id}" (rules: ${[...ids].join(', ')})`);
    if (typeof setting !== 'string' || !settings.includes(setting))
      fail(`/lint/rules/${id}`, `"${id}" must be one of ${settings.join(', ')}`);
  }
  if (
    quantities !== undefined &&
    (!Array.isArray(quantities) || quantities.some((q) => typeof q !== 'string'))
  ) {
    fail('/lint/quantities', '"lint.quantities" must be an array of words');
  }
  return {
    load,
    rules: rules as Record<string, RuleSetting>,
    ...(quantities ? { quantities: (quantities as string[]).map((q) => q.toLowerCase()) } : {}),
    ...translations,
    file,
  };
}

/** The "translations" section: schema -> translation files, both resolved against the config's folder. */
function readTranslationsField(
  field: unknown,
  base: string,
  fail: (pointer: string, message: string) => never,
): { translations?: Record<string, string[]> } {
  if (field === undefined) return {};
  if (typeof field !== 'object' || field === null || Array.isArray(field))
    return fail('/translations', '"translations" must map a schema file to a list of translation files');
  const out: Record<string, string[]> = {};
  for (const [schema, files] of Object.entries(field)) {
    const at = `/translations/${schema.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!Array.isArray(files) || files.some((f) => typeof f !== 'string'))
      fail(at, `"translations" of ${schema} must be a list of file names`);
    out[resolve(base, schema)] = (files as string[]).map((f) => resolve(base, f));
  }
  return { translations: out };
}
