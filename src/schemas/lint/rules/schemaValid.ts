/**
 * Rule schema-valid: the schema must satisfy its dialect's meta-schema and compile in ajv strict mode,
 * with our vocabulary registered (so a malformed x- value is caught too). Unknown keywords and
 * unresolvable refs are left to their own rules, so one mistake is reported once.
 */
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Dialect } from '../../FieldModel';
import { activeLocale, say } from '../../i18n/activeLocale';
import { listOf } from '../../i18n/listOf';
import { getAt } from '../../pointer';
import { keywordMessage } from '../../validate/keywordMessage';
import { uriResolver } from '../../validate/uriResolver';
import { formularyKeywords, knownKeywords, uiSchemaKeys, vocabularyKeyword } from '../../vocabulary';
import type { LintContext, LintRule, RuleFinding } from '../LintDiagnostic';
import { suggestKeyword } from '../suggestKeyword';

const classes: Record<Dialect, typeof Ajv> = { 'draft-07': Ajv, '2019-09': Ajv2019, '2020-12': Ajv2020 };

/**
 * The FieldRef pattern in vocabulary.ts rejects "0/useA" (a relative pointer from the node itself),
 * which its own docs use; until it is fixed there, check values with the corrected pattern.
 */
const fieldRefPattern = '^(/.*|(0|[1-9][0-9]*)(/.*)?)$';
function withFixedFieldRef(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === 'pattern' && value === '^(/.*|0|[1-9][0-9]*(/.*)?)$' ? fieldRefPattern : value,
  );
}

let valueCheckers: Map<string, ValidateFunction> | undefined;
/** One compiled check per x-/ui: keyword value, built once per process. */
function keywordValueCheckers(): Map<string, ValidateFunction> {
  if (!valueCheckers) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    valueCheckers = new Map(
      [...formularyKeywords, ...uiSchemaKeys].map((spec) => [
        spec.name,
        ajv.compile(withFixedFieldRef(spec.valueSchema) as Record<string, unknown>),
      ]),
    );
  }
  return valueCheckers;
}

const metaValidators = new Map<Dialect, Ajv>();
/** An ajv per dialect whose only job is validateSchema: its meta-schema is compiled once per process. */
function metaAjv(dialect: Dialect): Ajv {
  let ajv = metaValidators.get(dialect);
  if (!ajv) {
    ajv = new classes[dialect]({ strict: false, allErrors: true, validateFormats: false });
    metaValidators.set(dialect, ajv);
  }
  return ajv;
}

/** A strict ajv for one dialect, with our keywords and every extra keyword name the schema uses. */
function strictAjv(context: LintContext, log: string[]): Ajv {
  const logger = {
    log: () => {},
    warn: (...a: unknown[]) => log.push(a.join(' ')),
    error: (...a: unknown[]) => log.push(a.join(' ')),
  };
  const options: Options = {
    strict: true,
    // Real schemas put `required` in oneOf branches that name properties declared beside the oneOf.
    strictRequired: false,
    allowUnionTypes: true,
    // The meta-schema check runs separately (metaAjv), once compiled; compiling it here per lint costs more than the schema.
    validateSchema: false,
    // This compile only looks for strict-mode complaints; its code never runs. Skipping ref inlining
    // and code optimisation made it about 6x faster on a generated 1,000-field schema (bench/schemas/lint.ts).
    inlineRefs: false,
    code: { optimize: false },
    logger,
    validateFormats: true,
    // Ids and refs resolve as in the form's validator (compileSchema), so both agree on what a $ref names.
    uriResolver,
  };
  const ajv = new classes[context.dialect](options);
  addFormats(ajv);
  const ours = new Set<string>();
  // Values of our keywords are checked one by one (with their location) in check(); here they only exist.
  for (const spec of [...formularyKeywords, ...uiSchemaKeys]) {
    ajv.addKeyword({ keyword: spec.name });
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

/** Findings for x-/ui: keyword values of the wrong shape, at the keyword. */
function keywordValueFindings(context: LintContext): RuleFinding[] {
  const checkers = keywordValueCheckers();
  const findings: RuleFinding[] = [];
  for (const { schema, pointer } of context.subschemas) {
    for (const key of Object.keys(schema)) {
      const check = checkers.get(key);
      if (!check || check(schema[key])) continue;
      const why = (check.errors ?? [])
        .map((e) => `${e.instancePath || say('linter.keywordValueRoot')} ${keywordMessage(e)}`)
        .join('; ');
      // The shape is a type notation ('FieldRef | FieldRef[]'), the same in every language.
      findings.push({
        schemaPointer: `${pointer}/${key}`,
        message: say('linter.keywordValue', {
          key,
          why,
          shape: vocabularyKeyword(key)?.shape ?? 'docs/vocabulary.md',
        }),
      });
    }
  }
  return findings;
}

/** The "#/a/b" location ajv names in a strict-mode message, as a pointer. */
function pointerIn(message: string): string {
  const match = /at "#([^"]*)"/.exec(message) ?? /schema path "#([^"]*)"/.exec(message);
  return match ? decodeURIComponent(match[1]!) : '';
}

/**
 * ajv's strict-mode complaint in the catalogue's words where we know its form (strictTypes,
 * strictTuples: what real schemas meet); any other is ajv's English sentence behind our words, as
 * ajv throws it as text, without params to translate.
 */
function strictModeMessage(message: string): string {
  const missingType = /missing type "([^"]+)" for keyword "([^"]+)"/.exec(message);
  if (missingType)
    return say('linter.strictMissingType', { type: missingType[1]!, keyword: missingType[2]! });
  const notAllowed = /type "([^"]+)" not allowed by context "([^"]*)"/.exec(message);
  if (notAllowed) return say('linter.strictTypeContext', { type: notAllowed[1]!, context: notAllowed[2]! });
  const tuple = /"(\w+)" is (\d+)-tuple, but minItems or maxItems\/(\w+)/.exec(message);
  if (tuple)
    return say('linter.strictTuple', { keyword: tuple[1]!, count: Number(tuple[2]), extra: tuple[3]! });
  return say('linter.strictMode', { message });
}

const typeNames = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/**
 * The meta-schema's errors, one finding per mistake. A keyword whose meta-schema is an anyOf ("type":
 * a name or a list of names) fails every branch; ajv reports each branch and then the anyOf, three
 * lines for one typo. Those become one finding that lists the forms it may take, and for a `type`
 * that is not a type name, the name that was meant.
 */
function metaSchemaFindings(
  errors: readonly ErrorObject[],
  schema: unknown,
  dialect: Dialect,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const covered = new Set<ErrorObject>();
  const add = (pointer: string, message: string): void => {
    findings.push({
      schemaPointer: pointer,
      message: say('linter.metaSchema', { dialect, pointer: pointer || '/', message }),
    });
  };
  for (const any of errors) {
    if (covered.has(any) || (any.keyword !== 'anyOf' && any.keyword !== 'oneOf')) continue;
    const at = any.instancePath;
    const value = getAt(schema, at);
    const badNames = at.endsWith('/type') ? typeNameMistakes(at, value) : [];
    if (badNames.length > 0) {
      // Every complaint about this `type` (its own, its items') is one of these names.
      for (const e of errors)
        if (e.instancePath === at || e.instancePath.startsWith(`${at}/`)) covered.add(e);
      for (const [pointer, name] of badNames) {
        const meant = typeof name === 'string' ? suggestKeyword(name, typeNames) : undefined;
        const types = typeNames.join(', ');
        const given = JSON.stringify(name);
        add(
          pointer,
          meant
            ? say('linter.notATypeNear', { name: given, meant, types })
            : say('linter.notAType', { name: given, types }),
        );
      }
      continue;
    }
    // Its branches' errors sit at the same value; their schemaPath need not be under the anyOf's (a
    // branch may be a $ref, as draft-07's simpleTypes is).
    const branches = errors.filter((e) => e !== any && e.instancePath === at);
    for (const e of [any, ...branches]) covered.add(e);
    const types = branches
      .filter((b) => b.keyword === 'type')
      .flatMap((b) => String(b.params.type).split(','));
    const forms = [
      ...new Set([
        ...(types.length > 0
          ? [metaMessage({ ...branches[0]!, keyword: 'type', params: { type: types } })]
          : []),
        ...branches.filter((b) => b.keyword !== 'type').map(metaMessage),
      ]),
    ];
    add(at, forms.length > 0 ? listOf(activeLocale(), forms, 'disjunction') : metaMessage(any));
  }
  for (const error of errors) if (!covered.has(error)) add(error.instancePath, metaMessage(error));
  return findings;
}

/**
 * A meta-schema error in the catalogue's words; a type by its JSON Schema name ("object or boolean"),
 * which is what an author writes, rather than the form's words for scientists ("a group of values").
 */
function metaMessage(error: ErrorObject): string {
  if (error.keyword !== 'type') return keywordMessage(error);
  const names = Array.isArray(error.params.type) ? error.params.type : String(error.params.type).split(',');
  return say('validate.type', { types: listOf(activeLocale(), names.map(String), 'disjunction') });
}

/** The names in a `type` value (a name or a list) that are not type names, with their pointers. */
function typeNameMistakes(at: string, value: unknown): [string, unknown][] {
  const names: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [`${at}/${i}`, v])
    : [[at, value]];
  return names.filter(([, name]) => typeof name !== 'string' || !typeNames.includes(name));
}

export const schemaValid: LintRule = {
  id: 'schema-valid',
  severity: 'error',
  description: "The schema must pass its dialect's meta-schema and compile in ajv strict mode.",
  check(context) {
    const findings: RuleFinding[] = keywordValueFindings(context);
    const log: string[] = [];
    const { $schema: _ignored, ...schema } = context.schema as Record<string, unknown>;
    const meta = metaAjv(context.dialect);
    if (!meta.validateSchema(schema)) {
      findings.push(...metaSchemaFindings(meta.errors ?? [], schema, context.dialect));
      return findings;
    }
    const ajv = strictAjv(context, log);
    try {
      ajv.compile(schema);
    } catch (error) {
      const message = (error as Error).message;
      // Broken refs and patterns have their own rules (unresolved-ref, unsafe-pattern).
      if (
        !/can't resolve reference|reference .* not found|no schema with key or ref|Invalid regular expression/i.test(
          message,
        )
      ) {
        findings.push({ schemaPointer: pointerIn(message), message: strictModeMessage(message) });
      }
    }
    for (const message of log)
      findings.push({ schemaPointer: pointerIn(message), message: strictModeMessage(message) });
    return findings;
  },
};
