/**
 * One ajv error's keyword and params in words from the message catalogues, in the active locale: every
 * keyword ajv 8 and ajv-formats report (draft-07, 2019-09, 2020-12), so no ajv English reaches a
 * French user (minProperties, contains, propertyNames, not, additionalItems, discriminator, ...).
 * The form's validator and the linter's meta-schema findings both word ajv errors here.
 *
 * Why not ajv-i18n: its French has typos and untranslated messages (discriminator), its wording is
 * ajv's ("doit être >= 5") rather than the form's, and a facility adding a language would translate
 * twice (ajv-i18n has no entry point for a language it lacks); one catalogue file per language covers
 * these words too.
 */
import type { ErrorObject } from 'ajv';
import type { FieldNode } from '../FieldModel';
import { activeLocale, say } from '../i18n/activeLocale';
import { listOf } from '../i18n/listOf';
import { enumMessage, formatMessage, limitMessage, typeMessage } from './messages';

type Params = Record<string, unknown>;

const count = (value: unknown): number => Number(value);

/** A limit that may be a number (minimum) or text (formatMinimum: a date), with the field's units. */
function limitOf(keyword: string, limit: unknown, units: string | undefined): string {
  if (typeof limit === 'number') return limitMessage(keyword, limit, units);
  return say(`validate.${keyword}`, { limit: String(limit) });
}

/** Keywords of ajv-formats (formatMinimum...) worded as the number limits they mirror. */
const formatLimits: Readonly<Record<string, string>> = {
  formatMinimum: 'minimum',
  formatMaximum: 'maximum',
  formatExclusiveMinimum: 'exclusiveMinimum',
  formatExclusiveMaximum: 'exclusiveMaximum',
};

/**
 * The sentence for one ajv error (without the field's label: the form shows it beside the field).
 * `field` gives units and enum labels. A keyword ajv does not define (a facility's own) keeps ajv's
 * text in English and says the keyword in other languages, whose catalogue cannot know it.
 */
export function keywordMessage(e: ErrorObject, field?: FieldNode): string {
  const p = e.params as Params;
  switch (e.keyword) {
    case 'type':
      return typeMessage(String(p.type));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return limitOf(e.keyword, p.limit, field?.units);
    case 'multipleOf':
      return limitMessage('multipleOf', Number(p.multipleOf), field?.units);
    case 'formatMinimum':
    case 'formatMaximum':
    case 'formatExclusiveMinimum':
    case 'formatExclusiveMaximum':
      return limitOf(formatLimits[e.keyword]!, p.limit, undefined);
    case 'minLength':
      return p.limit === 1 ? say('validate.notEmpty') : say('validate.minLength', { count: count(p.limit) });
    case 'maxLength':
      return say('validate.maxLength', { count: count(p.limit) });
    case 'minItems':
      return say('validate.minItems', { count: count(p.limit) });
    case 'maxItems':
    case 'additionalItems':
    case 'items': // 2020-12: prefixItems with items: false
    case 'unevaluatedItems':
      return say('validate.maxItems', { count: count(p.limit) });
    case 'uniqueItems':
      // ajv walks the list from its end: i is the earlier position, j the later one.
      return say('validate.uniqueItems', {
        first: Math.min(count(p.i), count(p.j)) + 1,
        second: Math.max(count(p.i), count(p.j)) + 1,
      });
    case 'contains':
      return p.maxContains === undefined
        ? say('validate.contains', { min: count(p.minContains ?? 1) })
        : say('validate.containsBetween', { min: count(p.minContains ?? 1), max: count(p.maxContains) });
    case 'minProperties':
      return say('validate.minProperties', { count: count(p.limit) });
    case 'maxProperties':
      return say('validate.maxProperties', { count: count(p.limit) });
    case 'propertyNames':
      return say('validate.propertyNames', { key: String(p.propertyName) });
    case 'required':
    case 'dependencies':
    case 'dependentRequired':
      return p.property === undefined
        ? say('validate.required', { label: String(p.missingProperty) })
        : say('validate.requiredWhenSet', { label: String(p.missingProperty), other: String(p.property) });
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return say('validate.unknownKey', { key: String(p.additionalProperty ?? p.unevaluatedProperty) });
    case 'pattern':
      return say('validate.pattern', { pattern: String(p.pattern) });
    case 'format':
      return formatMessage(String(p.format));
    case 'enum':
      return enumMessage((p.allowedValues as unknown[]) ?? [], field);
    case 'const':
      return say('validate.const', { value: JSON.stringify(p.allowedValue) });
    case 'not':
      return say('validate.not');
    case 'anyOf':
      return say('validate.union.none');
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? say('validate.union.several', {
            options: listOf(
              activeLocale(),
              p.passingSchemas.map((i) => String(Number(i) + 1)),
            ),
          })
        : say('validate.union.none');
    case 'if':
      return say('validate.if', { keyword: String(p.failingKeyword ?? 'then') });
    case 'discriminator':
      return p.error === 'tag'
        ? say('validate.discriminator.tag', { tag: String(p.tag) })
        : say('validate.discriminator.mapping', { tag: String(p.tag) });
    case 'false schema':
      return say('validate.falseSchema');
    default:
      // Our own errors (keyword 'schema': a schema ajv could not run) are worded already.
      if (e.keyword === 'schema' && e.message) return e.message;
      if (activeLocale().startsWith('en') && e.message) return e.message;
      return say('validate.other', { keyword: e.keyword });
  }
}
