/** Labels derived from keys must read well to a scientist, for the key styles facilities really use. */
import { expect, test } from 'vitest';
import { labelFromKey, labelFromValue } from '../../../src/schemas/model/labelFromKey';

test.each([
  ['sampleApertureSize', 'Sample aperture size'],
  ['1DQbinType', '1D Q bin type'],
  ['LogQBinsPerDecade', 'Log Q bins per decade'],
  ['iptsNumber', 'IPTS number'],
  ['useThetaDepTransCorrection', 'Use theta dep trans correction'],
  ['Qmin', 'Q min'],
  ['Qmax', 'Q max'],
  ['QxBins', 'Qx bins'],
  ['IPTSNumber', 'IPTS number'],
  ['sample_thickness', 'Sample thickness'],
  ['tofCut', 'TOF cut'],
  ['runID', 'Run ID'],
  ['Quality', 'Quality'],
  ['T', 'T'],
])('%s -> %s', (key, label) => {
  expect(labelFromKey(key)).toBe(label);
});

test('a facility extends the acronym list', () => {
  expect(labelFromKey('nomadMode')).toBe('Nomad mode');
  expect(labelFromKey('nomadMode', ['NOMAD'])).toBe('NOMAD mode');
});

test('values become labels for choice branches', () => {
  expect(labelFromValue('each_scan')).toBe('Each scan');
  expect(labelFromValue(3)).toBe('3');
});
