/** Which fields differ from defaults: what the history shows for each submission. */
import { describe, expect, test } from 'vitest';
import { diffFromDefaults, jobKindOf } from '../../../src/forms/drafts/index';
import { sampleDefaults, sampleModel } from './sampleModel';

describe('diffFromDefaults', () => {
  test('lists changed leaves, treats lists as whole values, ignores left-out keys', () => {
    const request = {
      sample: { run: [1, 2], thickness: 0.1 },
      reduction: { Qmin: 0.01, binType: 'linear', extra: 3 },
      job: { kind: 'combined', scans: [] },
    };
    expect(diffFromDefaults(request, sampleDefaults)).toEqual([
      '/sample/run',
      '/reduction/Qmin',
      '/reduction/extra',
    ]);
  });

  test('an unchanged request has no differences', () => {
    expect(diffFromDefaults(structuredClone(sampleDefaults), sampleDefaults)).toEqual([]);
  });
});

describe('jobKindOf', () => {
  test('names the branch of the job choice', () => {
    expect(jobKindOf({ job: { kind: 'combined' } }, sampleModel(1))).toBe('One reduction of all scans');
    expect(jobKindOf({ job: { kind: 'separate' } })).toBe('separate');
    expect(jobKindOf({})).toBe('');
  });
});
