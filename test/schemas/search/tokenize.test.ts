/** Search words: case and accent folding, camelCase and digit splits, offsets into the original text. */
import { describe, expect, test } from 'vitest';
import { foldText, tokenize, words } from '../../../src/schemas/index';

describe('tokenize', () => {
  test('splits camelCase humps, acronyms and digits', () => {
    expect(words('LogQBinsPerDecade')).toEqual(['log', 'q', 'bins', 'per', 'decade']);
    expect(words('1DQbinType')).toEqual(['1', 'd', 'qbin', 'type']);
    expect(words('useXMLHttpRequest')).toEqual(['use', 'xml', 'http', 'request']);
    expect(words('detector2Offset')).toEqual(['detector', '2', 'offset']);
  });

  test('splits at separators and drops them', () => {
    expect(words('wavelength_step-type (Å)')).toEqual(['wavelength', 'step', 'type', 'a']);
    expect(words('  ')).toEqual([]);
    expect(words('1/Å')).toEqual(['1', 'a']);
  });

  test('folds case and accents', () => {
    expect(words('Énergie RÉSOLUE')).toEqual(['energie', 'resolue']);
    expect(foldText('Ångström Δλ')).toBe('angstrom δλ');
  });

  test('offsets point into the original text', () => {
    const text = 'Log Q binsPerDécade';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Log', 'Q', 'bins', 'Per', 'Décade']);
    expect(tokens.map((t) => t.text)).toEqual(['log', 'q', 'bins', 'per', 'decade']);
  });
});
