/**
 * Sentences a scientist understands, with labels and units: "must be at most 10 Å", "must be less than
 * Q max (0.5 1/Å)". One place for wording, so the form, the CLI and validateField say the same thing.
 * A schema's x-messages (per keyword or rule kind) replace ours.
 */

import { formatLocaleNumber } from '../coerce/localeNumber';
import type { FieldNode, ModelNode } from '../FieldModel';
import { activeLocale, say } from '../i18n/activeLocale';
import { listOf } from '../i18n/listOf';

/** A number as people write it: no float noise (0.30000000000000004 -> 0.3). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return formatLocaleNumber(Number.parseFloat(n.toPrecision(12)), activeLocale());
}

/** "10 Å", "0.5 1/Å", "3" (no unit). */
export function withUnits(n: number, units: string | undefined): string {
  return units ? `${formatNumber(n)} ${units}` : formatNumber(n);
}

/** A value inside a sentence: numbers plain, strings quoted, enum values by their label. */
export function describeValue(value: unknown, node?: ModelNode): string {
  if (node?.type === 'field' && node.enum && node.enumLabels) {
    const i = node.enum.findIndex((v) => JSON.stringify(v) === JSON.stringify(value));
    if (i >= 0 && node.enumLabels[i] !== undefined)
      return say('validate.quoted', { text: node.enumLabels[i] });
  }
  if (typeof value === 'number') return withUnits(value, node?.type === 'field' ? node.units : undefined);
  if (typeof value === 'string') return say('validate.quoted', { text: value });
  return JSON.stringify(value) ?? String(value);
}

/** The schema's own message for a keyword or rule kind, if it gives one. */
export function customMessage(node: ModelNode | undefined, keyword: string): string | undefined {
  const messages = node?.hints['x-messages'];
  if (messages && typeof messages === 'object') {
    const m = (messages as Record<string, unknown>)[keyword];
    if (typeof m === 'string') return m;
  }
  return undefined;
}

/** JSON types with a word in the catalogues (validate.type.<type>). */
const typeWords = new Set(['number', 'integer', 'string', 'boolean', 'array', 'object', 'null']);

/** "must be a number", "must be a whole number or unset". */
export function typeMessage(expected: string | readonly string[]): string {
  const list = (Array.isArray(expected) ? expected : String(expected).split(',')).map((t) =>
    typeWords.has(t) ? say(`validate.type.${t}`) : t,
  );
  return say('validate.type', { types: listOf(activeLocale(), list, 'disjunction') });
}

/** The message for a limit keyword on a number, with the field's units. */
export function limitMessage(keyword: string, limit: number, units: string | undefined): string {
  const v = withUnits(limit, units);
  switch (keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
      return say(`validate.${keyword}`, { limit: v });
    default:
      return say('validate.otherLimit', { keyword, limit: v });
  }
}

/** "must be one of: Linear, Log". */
export function enumMessage(values: readonly unknown[], field?: FieldNode): string {
  const shown = values.slice(0, 12).map((v) => describeValue(v, field));
  return say('validate.enum', { values: `${shown.join(', ')}${values.length > 12 ? ', …' : ''}` });
}

/** Formats with words in the catalogues (validate.format.<format>). */
const formatWords = new Set([
  'date-time',
  'date',
  'time',
  'email',
  'uri',
  'uri-reference',
  'uuid',
  'ipv4',
  'hostname',
  'regex',
]);

/** "must be a valid date (2024-05-01)": a known format in words, another by its name. */
export function formatMessage(format: string): string {
  return say('validate.format', {
    format: formatWords.has(format) ? say(`validate.format.${format}`) : format,
  });
}

/** A label for messages that name another field: its label, else its key. */
export function labelOf(node: ModelNode | undefined, fallback: string): string {
  return node?.label || fallback;
}
