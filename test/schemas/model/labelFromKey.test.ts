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
  // A known acronym glued to a lower-case word ends where the acronym ends.
  ['TOFmin', 'TOF min'],
  ['UBmatrix', 'UB matrix'],
  ['SANSmode', 'SANS mode'],
  ['EQSANSmode', 'EQSANS mode'],
  ['ROIfile', 'ROI file'],
  // ...and shares its last capital with a common word that the rest alone is not.
  ['HDFile', 'HDF file'],
  ['saveHDFilename', 'Save HDF filename'],
  ['SANSample', 'SANS sample'],
  ['CSVfile', 'CSV file'],
  ['ROIname', 'ROI name'],
  // An unknown capital run before a capitalised word still gives its last capital to the word.
  ['TOFMin', 'TOF min'],
  ['HDFFile', 'HDF file'],
  ['CompressTOFTolerance', 'Compress TOF tolerance'],
  // Plural acronyms stay whole.
  ['IDs', 'IDs'],
  ['runIDs', 'Run IDs'],
  ['numROIs', 'Num ROIs'],
  ['URLsList', 'URLs list'],
])('%s -> %s', (key, label) => {
  expect(labelFromKey(key)).toBe(label);
});

test.each([
  ['sampleThickness_cm', 'Sample thickness (cm)'],
  ['sample_thickness_cm', 'Sample thickness (cm)'],
  ['detectorDistance-m', 'Detector distance (m)'],
  ['wavelength_Ang', 'Wavelength (Ang)'],
  ['energyTransfer_meV', 'Energy transfer (meV)'],
  ['countTime_s', 'Count time (s)'],
  ['TOF_us', 'TOF (us)'],
  // Not units: a minimum, a bank letter, a key that is only a unit, a unit glued without a separator.
  ['TOF_min', 'TOF min'],
  ['bank_A', 'Bank A'],
  ['cm', 'Cm'],
  ['thicknessCm', 'Thickness cm'],
])('a unit suffix goes in parentheses: %s -> %s', (key, label) => {
  expect(labelFromKey(key)).toBe(label);
});

test('a facility extends the acronym list', () => {
  expect(labelFromKey('nomadMode')).toBe('Nomad mode');
  expect(labelFromKey('nomadMode', ['NOMAD'])).toBe('NOMAD mode');
  // A facility acronym glued to a lower-case word splits right once the facility names it.
  expect(labelFromKey('VULCANbank')).not.toBe('VULCAN bank');
  expect(labelFromKey('VULCANbank', ['VULCAN'])).toBe('VULCAN bank');
});

test('values become labels for choice branches', () => {
  expect(labelFromValue('each_scan')).toBe('Each scan');
  expect(labelFromValue(3)).toBe('3');
});
