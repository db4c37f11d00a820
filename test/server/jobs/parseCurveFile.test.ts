/**
 * Curve files as tasks write them: comments, a header row, `# curve:` sections, any of the usual
 * separators, a file still being written, and a bad row named by its line.
 */
import { describe, expect, it } from 'vitest';
import { CurveFileError, parseCurveFile } from '../../../src/server/jobs/index';

describe('parseCurveFile', () => {
  it('reads curves by section, with a header row and mixed separators', () => {
    const text = [
      '# reduced by hand',
      'Q,I,dI',
      '# curve: scan 1',
      '0.01, 5, 0.1',
      '0.02\t4\t0.1',
      '',
      '# curve: scan 2',
      '0.01 7 0.2',
      '0.02;6;0.2',
      '',
    ].join('\n');
    expect(parseCurveFile(text)).toEqual([
      {
        label: 'scan 1',
        points: [
          { q: 0.01, intensity: 5, error: 0.1 },
          { q: 0.02, intensity: 4, error: 0.1 },
        ],
      },
      {
        label: 'scan 2',
        points: [
          { q: 0.01, intensity: 7, error: 0.2 },
          { q: 0.02, intensity: 6, error: 0.2 },
        ],
      },
    ]);
  });

  it('reads rows without a section as one curve, and two columns with an unknown error', () => {
    const [curve] = parseCurveFile('0.01 5\n0.02 4\n');
    expect(curve!.label).toBe('I(Q)');
    expect(curve!.points[1]!.intensity).toBe(4);
    expect(Number.isNaN(curve!.points[1]!.error)).toBe(true);
  });

  it('leaves an unfinished last line for the next read while the file grows', () => {
    expect(parseCurveFile('# curve: a\n0.01,5,0.1\n0.02,4', { partial: true })[0]!.points).toHaveLength(1);
    expect(parseCurveFile('# curve: a\n0.01,5,0.1\n0.02,4,0.1')[0]!.points).toHaveLength(2);
  });

  it('names the line of a row that is not numbers', () => {
    expect(() => parseCurveFile('# curve: a\n0.01,5,0.1\n0.02,lots,0.1\n')).toThrow(CurveFileError);
    expect(() => parseCurveFile('# curve: a\n0.01,5,0.1\n0.02,lots,0.1\n')).toThrow(
      'line 3: expected Q, intensity and error as numbers, found "0.02,lots,0.1"',
    );
  });
});
