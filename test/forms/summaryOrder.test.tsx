/**
 * Issue 33, case 7: the error summary keeps its order while it is open. Re-checking a field when it
 * loses focus re-creates its errors; they must keep their place, or the links shift under the
 * pointer (EQSANS: wavelength min 8 > max 4, Q min 0.5 > Q max 0.1; follow the first link, then the
 * Q min link).
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm } from '../../src/forms/index';
import { buildFieldModel, loadSchema } from '../../src/schemas/index';

afterEach(cleanup);

test('following summary links (each blur re-checks a field) does not reorder the summary', async () => {
  const model = buildFieldModel(await loadSchema('src/schemas/instruments/eqsans.schema.json'));
  const user = userEvent.setup();
  const formData = {
    iptsNumber: 'IPTS-1',
    job: { mode: 'average', scans: [{ runNumber: '100' }] },
    wavelength: { wavelengthMin: 8, wavelengthMax: 4 },
    binning: { Qmin: 0.5, Qmax: 0.1 },
  };
  render(<SubmissionForm model={model} formData={formData} />);
  await user.click(screen.getByRole('button', { name: 'Submit request' }));
  const links = () => [...screen.getByRole('alert').querySelectorAll('a')].map((a) => a.textContent ?? '');
  const before = links();
  expect(before.length).toBeGreaterThanOrEqual(2);
  expect(before.some((l) => l.startsWith('Q min'))).toBe(true);
  await user.click(screen.getByRole('link', { name: before[0] }));
  await user.click(screen.getByRole('link', { name: before[1] }));
  expect(links()).toEqual(before);
  await user.click(screen.getByRole('link', { name: before.find((l) => l.startsWith('Q min'))! }));
  expect(links()).toEqual(before);
  expect(document.activeElement?.id).toMatch(/Qmin$/);
});
