/** JSON editor text and date-times: syntax errors with line and column, dates without a zone refused. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatJsonText, parseDateTime, parseJsonText } from '../../../src/schemas/index';

describe('parseJsonText', () => {
  test('reports the first error by line and column', () => {
    expect(parseJsonText('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      ok: false,
      message: 'Line 3, column 7: a colon is expected.',
    });
    expect(parseJsonText('{"a": 1,}')).toEqual({
      ok: false,
      message: 'Line 1, column 9: a property name in double quotes is expected.',
    });
    expect(parseJsonText('// c\n{}').ok).toBe(false);
    expect(parseJsonText('  ').ok).toBe(false);
  });

  test('keeps __proto__ as a plain key', () => {
    const result = parseJsonText('{"__proto__": {"polluted": 1}}');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.value as object)).toEqual(['__proto__']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  test('format -> parse round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseJsonText(formatJsonText(value));
        expect(result).toEqual({ ok: true, value: JSON.parse(JSON.stringify(value)) });
      }),
    );
  });
});

describe('parseDateTime', () => {
  test('accepts RFC 3339', () => {
    expect(parseDateTime('2026-11-27T14:30:00Z')).toEqual({ ok: true, value: '2026-11-27T14:30:00Z' });
    expect(parseDateTime('2026-11-27T14:30:00.5+01:00').ok).toBe(true);
    expect(parseDateTime('2026-11-27', { dateOnly: true })).toEqual({ ok: true, value: '2026-11-27' });
  });

  test.each([
    ['2026-11-27T14:30:00', /needs a time zone/],
    ['2026-11-27T14:30Z', /needs seconds, e.g. 2026-11-27T14:30:00Z/],
    ['2026-02-30T14:30:00Z', /not a day of the calendar/],
    ['2026-11-27T25:30:00Z', /does not exist/],
    ['yesterday', /not a date and time like/],
    ['', /Enter a date and time/],
  ])('%j is refused', (text, pattern) => {
    const result = parseDateTime(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(pattern);
  });
});
