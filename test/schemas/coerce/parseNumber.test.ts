/** Numbers and number lists from text: what is accepted, what is refused and why, round trips. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatNumber, formatNumberList, parseNumber, parseNumberList } from '../../../src/schemas/index';

describe('parseNumber', () => {
  test.each([
    ['0.1', 0.1],
    [' 1e-3 ', 0.001],
    ['-30', -30],
    ['+2', 2],
    ['.5', 0.5],
    ['5.', 5],
    ['1E3', 1000],
  ])('%j -> %d', (text, expected) => {
    expect(parseNumber(text)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', /Enter a number/],
    ['   ', /Enter a number/],
    ['1,5', /use a point for decimals \(1\.5\)/],
    ['abc', /'abc' is not a number/],
    ['0x10', /not a number/],
    ['10 Å', /type digits only, without letters/],
    ['1e999', /too large/],
    ['Infinity', /not a number/],
    ['NaN', /not a number/],
  ])('%j is refused', (text, pattern) => {
    const result = parseNumber(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(pattern);
  });

  test("letters after a number name the field's unit when it has one", () => {
    expect(parseNumber('10 Å', { units: 'Å' })).toEqual({
      ok: false,
      message: "'10 Å' is not a number: type the number only; the unit (Å) is shown beside the field.",
    });
    expect(parseNumber('12a')).toEqual({
      ok: false,
      message: "'12a' is not a number: type digits only, without letters.",
    });
  });

  test('integer option refuses fractions', () => {
    expect(parseNumber('2.5', { integer: true })).toEqual({
      ok: false,
      message: "'2.5' is not a whole number.",
    });
    expect(parseNumber('2', { integer: true })).toEqual({ ok: true, value: 2 });
  });

  test('format -> parse round trip', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const result = parseNumber(formatNumber(n));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value === n).toBe(true); // === so -0 and 0 count as equal
      }),
    );
  });
});

describe('parseNumberList', () => {
  test.each([
    ['-30, 60', [-30, 60]],
    ['-30,60', [-30, 60]],
    ['-30 60', [-30, 60]],
    ['0.1; 0.2;0.3', [0.1, 0.2, 0.3]],
    ['', []],
  ])('%j -> %j', (text, expected) => {
    expect(parseNumberList(text)).toEqual({ ok: true, value: expected });
  });

  test('refuses with the position of the bad entry', () => {
    expect(parseNumberList('1, abc, 3')).toEqual({ ok: false, message: "Entry 2: 'abc' is not a number." });
    expect(parseNumberList('1,,3')).toEqual({
      ok: false,
      message: 'There is an empty entry between two separators.',
    });
    expect(parseNumberList('1, 2,').ok).toBe(false);
    expect(parseNumberList('', { allowEmpty: false }).ok).toBe(false);
  });

  test('format -> parse round trip keeps order and duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })), (values) => {
        const result = parseNumberList(formatNumberList(values));
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.value).toHaveLength(values.length);
          expect(result.value.every((v, i) => v === values[i])).toBe(true);
        }
      }),
    );
  });
});
