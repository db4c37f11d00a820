/**
 * Whether a string is of a named `format`, for the linter's own value checker (checkValue): the same
 * format definitions the validator registers (ajv-formats, full mode), so a default the form would
 * refuse for its format is reported by the linter too. Unknown formats pass, as in the validator.
 */
import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/** Checks `value` against format `name`: true, false, or undefined when the format is not known. */
export type FormatCheck = (name: string, value: string) => boolean | undefined;

/** The ajv-formats check of a format (RegExp, function or {validate}); numbers' formats are skipped. */
export const checkFormat: FormatCheck = (name, value) => {
  const format = (fullFormats as Record<string, Format | undefined>)[name];
  if (format === undefined || format === true) return undefined;
  if (typeof format === 'string') return new RegExp(format, 'u').test(value);
  if (format instanceof RegExp) return format.test(value);
  if (typeof format === 'function') return format(value) !== false;
  if (typeof format === 'object' && 'validate' in format) {
    if ((format as { type?: string }).type === 'number') return undefined;
    const validate = format.validate;
    if (validate instanceof RegExp) return validate.test(value);
    if (typeof validate === 'string') return new RegExp(validate, 'u').test(value);
    const result = (validate as (s: string) => boolean | Promise<unknown>)(value);
    return typeof result === 'boolean' ? result : undefined;
  }
  return undefined;
};
