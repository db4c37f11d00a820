/**
 * Checks one example request file against its schema's validator. The examples/<id>/ convention:
 * every *.json there must validate, except invalid-*.json, which must fail with exactly the errors
 * its invalid-*.expected.json lists as [{pointer, rule}]. File-free: the caller reads the files.
 */
import type { ValidationError } from '../FieldModel';
import { say } from '../i18n/index';
import type { LintDiagnostic } from './LintDiagnostic';

/** One expected validation error of an invalid example. */
export interface ExpectedError {
  readonly pointer: string;
  readonly rule: string;
}

const rule = 'example-invalid';

/**
 * Diagnostics for one example: errors of a valid example, or the differences between the errors of an
 * invalid one and `expected`. Pointers are request pointers (into the example file). O(errors²).
 */
export function lintExample(
  validate: (request: unknown) => readonly ValidationError[],
  request: unknown,
  expected?: readonly ExpectedError[],
): LintDiagnostic[] {
  const errors = validate(request);
  if (!expected) {
    return errors.map((e) => ({
      pointer: e.pointer,
      rule,
      severity: 'error',
      message: say('linter.requestInvalid', { pointer: e.pointer || '/', message: e.message, rule: e.rule }),
    }));
  }
  const out: LintDiagnostic[] = [];
  const same = (a: ExpectedError, b: ExpectedError) => a.pointer === b.pointer && a.rule === b.rule;
  for (const want of expected) {
    if (!errors.some((e) => same(e, want))) {
      const got = errors.length
        ? errors.map((e) => `${e.pointer || '/'} (${e.rule})`).join(', ')
        : say('linter.noErrors');
      out.push({
        pointer: want.pointer,
        rule,
        severity: 'error',
        message: say('linter.expectedMissing', { pointer: want.pointer || '/', rule: want.rule, got }),
      });
    }
  }
  for (const error of errors) {
    if (!expected.some((want) => same(error, want))) {
      out.push({
        pointer: error.pointer,
        rule,
        severity: 'error',
        message: say('linter.unexpectedError', {
          pointer: error.pointer || '/',
          message: error.message,
          rule: error.rule,
        }),
      });
    }
  }
  return out;
}

/** Reads an invalid-*.expected.json value, or throws naming what is wrong with it. */
export function parseExpectedErrors(value: unknown): ExpectedError[] {
  if (!Array.isArray(value)) throw new Error(say('linter.expectedNotArray'));
  return value.map((item, i) => {
    if (
      typeof item !== 'object' ||
      item === null ||
      typeof item.pointer !== 'string' ||
      typeof item.rule !== 'string'
    ) {
      throw new Error(say('linter.expectedItem', { index: i }));
    }
    return { pointer: item.pointer, rule: item.rule };
  });
}
