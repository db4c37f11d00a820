/**
 * Sentences a scientist understands, with labels and units: "must be at most 10 Å", "must be less than
 * Q max (0.5 1/Å)". One place for wording, so the form, the CLI and validateField say the same thing.
 * A schema's x-messages (per keyword or rule kind) replace ours.
 */
import type { FieldNode, ModelNode } from '../FieldModel';

/** A number as people write it: no float noise (0.30000000000000004 -> 0.3). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number.parseFloat(n.toPrecision(12)));
}

/** "10 Å", "0.5 1/Å", "3" (no unit). */
export function withUnits(n: number, units: string | undefined): string {
  return units ? `${formatNumber(n)} ${units}` : formatNumber(n);
}

/** A value inside a sentence: numbers plain, strings quoted, enum values by their label. */
export function describeValue(value: unknown, node?: ModelNode): string {
  if (node?.type === 'field' && node.enum && node.enumLabels) {
    const i = node.enum.findIndex((v) => JSON.stringify(v) === JSON.stringify(value));
    if (i >= 0 && node.enumLabels[i] !== undefined) return `"${node.enumLabels[i]}"`;
  }
  if (typeof value === 'number') return withUnits(value, node?.type === 'field' ? node.units : undefined);
  if (typeof value === 'string') return `"${value}"`;
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

const typeWords: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of values',
  null: 'unset',
};

/** "must be a number", "must be a whole number or unset". */
export function typeMessage(expected: string | readonly string[]): string {
  const list = (Array.isArray(expected) ? expected : String(expected).split(',')).map(
    (t) => typeWords[t] ?? t,
  );
  return `must be ${list.join(' or ')}`;
}

/** The message for a limit keyword on a number, with the field's units. */
export function limitMessage(keyword: string, limit: number, units: string | undefined): string {
  const v = withUnits(limit, units);
  switch (keyword) {
    case 'minimum':
      return `must be at least ${v}`;
    case 'maximum':
      return `must be at most ${v}`;
    case 'exclusiveMinimum':
      return `must be greater than ${v}`;
    case 'exclusiveMaximum':
      return `must be less than ${v}`;
    case 'multipleOf':
      return `must be a multiple of ${v}`;
    default:
      return `must satisfy ${keyword} ${v}`;
  }
}

/** "must be one of: Linear, Log". */
export function enumMessage(values: readonly unknown[], field?: FieldNode): string {
  const shown = values.slice(0, 12).map((v) => describeValue(v, field));
  return `must be one of: ${shown.join(', ')}${values.length > 12 ? ', …' : ''}`;
}

export const formatWords: Record<string, string> = {
  'date-time': 'date and time (2024-05-01T12:00:00Z)',
  date: 'date (2024-05-01)',
  time: 'time (12:00:00)',
  email: 'e-mail address',
  uri: 'URL',
  'uri-reference': 'URL or path',
  uuid: 'UUID',
  ipv4: 'IPv4 address',
  hostname: 'host name',
  regex: 'regular expression',
};

/** A label for messages that name another field: its label, else its key. */
export function labelOf(node: ModelNode | undefined, fallback: string): string {
  return node?.label || fallback;
}
