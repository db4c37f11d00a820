/**
 * Rule schema-valid: the schema must satisfy its dialect's meta-schema and compile in ajv strict mode,
 * with our vocabulary registered (so a malformed x- value is caught too). Unknown keywords and
 * unresolvable refs are left to their own rules, so one mistake is reported once.
 */
import Ajv, { type Options } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Dialect } from '../../FieldModel';
import { formularyKeywords, knownKeywords, uiSchemaKeys } from '../../vocabulary';
import type { LintContext, LintRule, RuleFinding } from '../LintDiagnostic';

const classes: Record<Dialect, typeof Ajv> = { 'draft-07': Ajv, '2019-09': Ajv2019, '2020-12': Ajv2020 };

/** A strict ajv for one dialect, with our keywords and every extra keyword name the schema uses. */
function strictAjv(context: LintContext, log: string[]): Ajv {
  const logger = {
    log: () => {},
    warn: (...a: unknown[]) => log.push(a.join(' ')),
    error: (...a: unknown[]) => log.push(a.join(' ')),
  };
  const options: Options = {
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    logger,
    validateFormats: true,
  };
  const ajv = new classes[context.dialect](options);
  addFormats(ajv);
  const ours = new Set<string>();
  for (const spec of [...formularyKeywords, ...uiSchemaKeys]) {
    ajv.addKeyword({ keyword: spec.name, metaSchema: spec.valueSchema });
    ours.add(spec.name);
  }
  // Unknown keywords are the unknown-keyword rule's business: register them so strict mode looks past them.
  const known = knownKeywords(context.dialect);
  for (const { schema } of context.subschemas) {
    for (const key of Object.keys(schema)) {
      if (!known.has(key) && !ours.has(key) && !ajv.getKeyword(key)) {
        ajv.addKeyword({ keyword: key });
        ours.add(key);
      }
    }
  }
  for (const name of ['enumNames']) if (!ajv.getKeyword(name)) ajv.addKeyword({ keyword: name });
  return ajv;
}

/** The "#/a/b" location ajv names in a strict-mode message, as a pointer. */
function pointerIn(message: string): string {
  const match = /at "#([^"]*)"/.exec(message) ?? /schema path "#([^"]*)"/.exec(message);
  return match ? decodeURIComponent(match[1]!) : '';
}

export const schemaValid: LintRule = {
  id: 'schema-valid',
  severity: 'error',
  description: "The schema must pass its dialect's meta-schema and compile in ajv strict mode.",
  check(context) {
    const findings: RuleFinding[] = [];
    const log: string[] = [];
    const ajv = strictAjv(context, log);
    const { $schema: _ignored, ...schema } = context.schema as Record<string, unknown>;
    if (!ajv.validateSchema(schema)) {
      for (const error of ajv.errors ?? []) {
        findings.push({
          schemaPointer: error.instancePath,
          message: `not valid ${context.dialect}: ${error.instancePath || 'root'} ${error.message}`,
        });
      }
      return findings;
    }
    try {
      ajv.compile(schema);
    } catch (error) {
      const message = (error as Error).message;
      if (!/can't resolve reference|reference .* not found|no schema with key or ref/i.test(message)) {
        findings.push({ schemaPointer: pointerIn(message), message: `ajv strict mode: ${message}` });
      }
    }
    for (const message of log)
      findings.push({ schemaPointer: pointerIn(message), message: `ajv strict mode: ${message}` });
    return findings;
  },
};
