/** rowIdWithin: which row of a list a stored path lies in (forgetRows drops a pasted-over row's marks by it). */
import { expect, test } from 'vitest';
import { rowIdWithin } from '../../../src/forms/engine/storagePath';

test('the row of the list a path lies in, and none outside its rows', () => {
  expect(rowIdWithin('/job/scans/~r3/run', '/job/scans')).toBe('3');
  expect(rowIdWithin('/job/scans/~r3', '/job/scans')).toBe('3');
  expect(rowIdWithin('/job/scans/~r12/t/~r4/x', '/job/scans')).toBe('12');
  expect(rowIdWithin('/job/scans/~rows', '/job/scans')).toBeUndefined();
  expect(rowIdWithin('/job/scansX/~r3/run', '/job/scans')).toBeUndefined();
  expect(rowIdWithin('/job/other/~r3/run', '/job/scans')).toBeUndefined();
});
