/** Binning triplets: linear and logarithmic, each inconsistent triplet refused with a message. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { binCount, describeBinningStep, formatBinning, parseBinning } from '../../../src/schemas/index';

describe('parseBinning', () => {
  test('text and arrays', () => {
    expect(parseBinning('0.001, -0.02, 0.5')).toEqual({ ok: true, value: [0.001, -0.02, 0.5] });
    expect(parseBinning([0, 0.01, 1])).toEqual({ ok: true, value: [0, 0.01, 1] });
  });

  test.each([
    ['0, 1', /three numbers .* got 2/],
    ['0, 0, 1', /must not be 0/],
    ['1, 0.1, 0.5', /min \(1\) must be less than max \(0\.5\)/],
    ['0, -0.01, 1', /Logarithmic .* needs min above 0/],
    ['0, 5, 1', /larger than the range/],
    ['0, x, 1', /Entry 2: 'x' is not a number/],
  ])('%j is refused', (text, pattern) => {
    const result = parseBinning(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(pattern);
  });

  test('array entries that are not numbers are named', () => {
    const result = parseBinning([0, '0.1', 1]);
    expect(result).toEqual({ ok: false, message: 'Binning step must be a number; got "0.1".' });
  });

  test('describes the step', () => {
    expect(describeBinningStep(-0.01)).toBe('logarithmic, 1 % per bin');
    expect(describeBinningStep(-0.025)).toBe('logarithmic, 2.5 % per bin');
    expect(describeBinningStep(0.01, '1/Å')).toBe('linear, 0.01 1/Å per bin');
    expect(binCount([0, 0.1, 1])).toBe(10);
    expect(binCount([1, -1, 8])).toBe(3);
  });

  test('format -> parse round trip', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0.0001, max: 0.5, noNaN: true }),
        fc.boolean(),
        (min, span, width, log) => {
          const max = min + span;
          const b = [min, log ? -width : Math.min(width, max - min), max] as const;
          expect(parseBinning(formatBinning(b))).toEqual({ ok: true, value: b });
        },
      ),
    );
  });
});
