/** stepNumberText: the arrow-key step of a number field, on the texts scientists type. */
import { describe, expect, test } from 'vitest';
import { stepNumberText } from '../../src/widgets/stepNumberText';

const number = { kind: 'number' as const };
const integer = { kind: 'integer' as const };

describe('stepNumberText', () => {
  test.each([
    ['0.025', 1, '0.026'],
    ['0.025', -1, '0.024'],
    ['2.50', 1, '2.51'],
    ['0.1', 1, '0.2'],
    ['0.3', -1, '0.2'],
    ['10', 1, '11'],
    ['-0.5', 1, '-0.4'],
    ['0.0', -1, '-0.1'],
  ] as const)('%s by %d is %s (one unit of the last decimal typed, exact)', (text, dir, out) => {
    expect(stepNumberText(text, dir, number, false)).toBe(out);
  });

  test('Shift steps ten times as far; integers step by one', () => {
    expect(stepNumberText('0.025', 1, number, true)).toBe('0.035');
    expect(stepNumberText('7', -1, integer, false)).toBe('6');
    expect(stepNumberText('7', 1, integer, true)).toBe('17');
  });

  test('multipleOf is the step, and a value off its grid lands on it first', () => {
    const field = { kind: 'number' as const, multipleOf: 0.05 };
    expect(stepNumberText('0.1', 1, field, false)).toBe('0.15');
    expect(stepNumberText('0.13', 1, field, false)).toBe('0.15');
    expect(stepNumberText('0.13', -1, field, false)).toBe('0.10');
  });

  test('limits hold: clamped to minimum and maximum, no step onto an exclusive bound', () => {
    expect(stepNumberText('9', 1, { ...integer, maximum: 10 }, true)).toBe('10');
    expect(stepNumberText('10', 1, { ...integer, maximum: 10 }, false)).toBeUndefined();
    expect(stepNumberText('1', -1, { ...number, minimum: 0.5 }, false)).toBe('0.5');
    expect(stepNumberText('0.1', -1, { ...number, exclusiveMinimum: 0 }, false)).toBeUndefined();
  });

  test('nothing to step: empty text, exponent forms, run lists', () => {
    expect(stepNumberText('', 1, number, false)).toBeUndefined();
    expect(stepNumberText('1e-3', 1, number, false)).toBeUndefined();
    expect(stepNumberText('12345-12350', 1, integer, false)).toBeUndefined();
  });
});
