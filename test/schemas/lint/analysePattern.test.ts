/**
 * The pattern check: compiles as ajv compiles (unicode), flags bodies that can split several ways
 * under a repeat, and passes the separator-delimited list patterns facilities really use.
 */
import { describe, expect, test } from 'vitest';
import { analysePattern } from '../../../src/schemas/index';

describe('analysePattern', () => {
  test.each([
    '(a+)+',
    '^([0-9]+,?)+$',
    '(a*)*',
    '^(\\d+)*$',
    '(x+x+)+y',
    '(a|a)*',
    '(\\w|\\d)+',
    '(?<n>a+)+',
    '(\\d{1,30}){1,30}',
    '^(\\w+\\s?)+$',
  ])('%s can backtrack catastrophically', (pattern) => {
    expect(analysePattern(pattern).kind).toBe('catastrophic');
  });

  test.each([
    '^IPTS-[0-9]+$',
    '^\\s*[0-9]+(?:\\s*[-:–]\\s*[0-9]+)?(?:[,;\\s]+[0-9]+(?:\\s*[-:–]\\s*[0-9]+)?)*\\s*$',
    '^[-+]?[0-9]+(?:\\.[0-9]+)?(?:\\s*,\\s*[-+]?[0-9]+(?:\\.[0-9]+)?)*$',
    '^(?:[a-z]+\\.)*[a-z]+$',
    '^(a|ab)*$',
    '^/SNS/[A-Z]+/IPTS-\\d+/.*\\.nxs\\.h5$',
    '^\\p{L}+$',
  ])('%s is safe', (pattern) => {
    expect(analysePattern(pattern)).toEqual({ kind: 'ok' });
  });

  test.each(['([a-z', '(?<x>a)(?<x>b)', 'a{2,1}', '\\p{Nope}'])(
    '%s does not compile in unicode mode',
    (pattern) => {
      const verdict = analysePattern(pattern);
      expect(verdict.kind).toBe('invalid');
    },
  );
});
