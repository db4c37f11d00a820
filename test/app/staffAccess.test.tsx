/**
 * The portal's mirror of staff-only fields: rendered with the real form, a field marked
 * "x-access": "staff" is read-only with a note for others, editable for staff; list rows included;
 * the model otherwise unchanged (shared, not copied).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { staffAccessModel, staffNote } from '../../src/app/auth/index';
import { SubmissionForm } from '../../src/forms/index';
import { buildFieldModel } from '../../src/schemas/index';

afterEach(cleanup);

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../server/fixtures/staffy.schema.json'), 'utf8'),
) as Record<string, unknown>;

test('others see staff-only fields read-only with a note; staff can edit them', () => {
  const model = buildFieldModel(schema);
  const forOthers = staffAccessModel(model, 'staffy', false);
  expect(staffAccessModel(model, 'staffy', true)).toBe(model);
  expect(forOthers).not.toBe(model);
  expect(forOthers.schema).toBe(model.schema);
  const mask = forOthers.fields.find((f) => f.pointer === '/maskFile')!;
  expect(mask.readOnly).toBe(true);
  expect(forOthers.byPointer.get('/maskFile')).toBe(mask);
  expect(forOthers.byPointer.get('/scans/*/darkCurrent')).toMatchObject({ readOnly: true });
  expect(forOthers.fields.find((f) => f.pointer === '/sample')).toBe(
    model.fields.find((f) => f.pointer === '/sample'),
  );
  expect(model.fields.find((f) => f.pointer === '/maskFile')!.readOnly).toBe(false);

  render(<SubmissionForm model={forOthers} onSubmit={() => {}} idPrefix="o-" />);
  const input = screen.getByRole('textbox', { name: /Mask file/ }) as HTMLInputElement;
  expect(input.readOnly || input.disabled).toBe(true);
  expect(input.value).toBe('/instrument/default-mask.xml');
  expect(screen.getAllByText(staffNote('staffy')).length).toBeGreaterThan(0);
  cleanup();

  render(<SubmissionForm model={model} onSubmit={() => {}} idPrefix="s-" />);
  const editable = screen.getByRole('textbox', { name: /Mask file/ }) as HTMLInputElement;
  expect(editable.readOnly || editable.disabled).toBe(false);
  expect(screen.queryByText(staffNote('staffy'))).toBeNull();
});
