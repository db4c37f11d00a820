/** Run-list coercion: every spelling scientists use, every mistake refused with a message, round trips. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatRunList, parseRunList } from '../../../src/schemas/index';

function value(text: string, maxRuns?: number): number[] {
  const result = parseRunList(text, maxRuns === undefined ? {} : { maxRuns });
  if (!result.ok) throw new Error(`expected ${text} to parse, got: ${result.message}`);
  return result.value;
}
function message(text: string, options = {}): string {
  const result = parseRunList(text, options);
  if (result.ok) throw new Error(`expected ${text} to be refused, got ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('parseRunList', () => {
  test.each([
    ['12345', [12345]],
    ['12345, 12350', [12345, 12350]],
    ['12345,12350', [12345, 12350]],
    ['12345 12350', [12345, 12350]],
    ['12345-12347', [12345, 12346, 12347]],
    ['12345:12347', [12345, 12346, 12347]],
    ['12345 - 12347', [12345, 12346, 12347]],
    ['12345–12347', [12345, 12346, 12347]],
    ['  12360 , 12345-12346  ', [12345, 12346, 12360]],
    ['12345; 12346', [12345, 12346]],
    ['12346, 12345, 12346', [12345, 12346]],
    ['12345-12345', [12345]],
  ])('%j -> %j', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  test('empty text is refused unless allowed', () => {
    expect(message('  ')).toMatch(/Enter a run number/);
    expect(parseRunList(' ', { allowEmpty: true })).toEqual({ ok: true, value: [] });
  });

  test('a reversed range is refused with the fix', () => {
    expect(message('12350-12345')).toBe('The range 12350-12345 runs backwards: write 12345-12350.');
  });

  test('a range over the limit names the limit', () => {
    expect(message('1-50000')).toBe('The range 1-50000 has 50000 runs; at most 10000.');
    expect(message('1-11', { maxRuns: 10 })).toBe('The range 1-11 has 11 runs; at most 10.');
    expect(value('1-10', 10)).toHaveLength(10);
  });

  test('many ranges together over the limit are refused', () => {
    expect(message('1-6, 10-15', { maxRuns: 10 })).toMatch(/more than 10 runs/);
  });

  test.each([
    ['abc', /'abc' is not a run number/],
    ['12345.5', /whole numbers/],
    ['-12345', /not negative/],
    ['12345-', /needs a first and a last run/],
    ['12345-12346-12347', /write first-last/],
    ['12345,,12346', /empty entry/],
    ['12345,', /ends with a separator/],
    ['99999999999999999999', /too large/],
  ])('%j is refused', (text, pattern) => {
    expect(message(text)).toMatch(pattern);
  });
});

describe('formatRunList', () => {
  test('compacts three or more consecutive runs into ranges', () => {
    expect(formatRunList([12360, 12345, 12346, 12347, 12348, 12349, 12350])).toBe('12345-12350, 12360');
    expect(formatRunList([1, 2, 4])).toBe('1, 2, 4');
    expect(formatRunList([])).toBe('');
  });

  test('throws on a value that is not a run number', () => {
    expect(() => formatRunList([1.5])).toThrow(/1.5 is not a run number/);
  });

  test('format -> parse gives back the sorted unique runs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 300 }),
        (runs) => {
          const expected = [...new Set(runs)].sort((a, b) => a - b);
          expect(value(formatRunList(runs))).toEqual(expected);
        },
      ),
    );
  });

  test('parse -> format -> parse is stable', () => {
    const item = fc.oneof(
      fc.integer({ min: 1, max: 99_999 }).map(String),
      fc
        .tuple(
          fc.integer({ min: 1, max: 99_000 }),
          fc.integer({ min: 0, max: 50 }),
          fc.constantFrom('-', ':', ' - '),
        )
        .map(([a, n, sep]) => `${a}${sep}${a + n}`),
    );
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(', ', ',', ' '),
        (items, sep) => {
          const first = value(items.join(sep));
          const text = formatRunList(first);
          expect(value(text)).toEqual(first);
          expect(formatRunList(value(text))).toBe(text);
        },
      ),
    );
  });
});
