/**
 * The options of an enum field as the radio and select widgets show them: a label per value (enumLabels,
 * else the value as text) and a stable DOM value (the index), so numbers, booleans and null survive the
 * round trip through HTML, which only knows strings.
 */
import type { FieldNode } from '../schemas/index';

export interface EnumOption {
  readonly value: unknown;
  readonly label: string;
  /** The option's index as a string: the DOM value. */
  readonly key: string;
}

/** Options of an enum field, in schema order. */
export function enumOptions(field: FieldNode): EnumOption[] {
  return (field.enum ?? []).map((value, i) => ({
    value,
    label: field.enumLabels?.[i] ?? (typeof value === 'string' ? value : JSON.stringify(value)),
    key: String(i),
  }));
}

/** The DOM key of a value, or undefined when it is not one of the options. */
export function keyOf(options: readonly EnumOption[], value: unknown): string | undefined {
  return options.find((o) => Object.is(o.value, value))?.key;
}
