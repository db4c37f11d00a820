/**
 * Open tuples in the form (issue 25): after the fixed positions, the items that follow the rest schema
 * are rows with Add and Remove (ListTable), each edited with the rest schema's widgets, within
 * minItems/maxItems counted over the whole array; a new row takes the rest schema's default; errors
 * at "/scan/3" land on that row; the request keeps every position in its place; import and drafts
 * give the same array back.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';

afterEach(cleanup);

const scanSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    scan: {
      title: 'Scan',
      type: 'array',
      items: [
        { title: 'Detector', type: 'string', enum: ['main', 'wing'], default: 'main' },
        { title: 'Distance', type: 'number', default: 4 },
      ],
      additionalItems: { title: 'Run', type: 'integer', minimum: 1, default: 12345 },
      maxItems: 5,
    },
  },
};

function renderForm(schema: object, formData?: unknown, onDraftChange?: (v: unknown) => void) {
  const handle = createRef<SubmissionFormHandle>();
  render(
    <SubmissionForm
      schema={schema}
      formRef={handle}
      search={false}
      showImport={false}
      {...(formData !== undefined ? { formData } : {})}
      {...(onDraftChange ? { onDraftChange } : {})}
    />,
  );
  return handle;
}

const tuple = () => screen.getByRole('group', { name: 'Scan' });
const addButton = () => within(tuple()).getByRole('button', { name: /Add row/ });

describe('rest rows of an open tuple', () => {
  test('Add gives a row with the rest default after the positions; Remove takes it away; positions stay', async () => {
    const handle = renderForm(scanSchema);
    const user = userEvent.setup();
    expect(tuple().textContent).toContain('2 values in this order, then any further items');
    expect(within(tuple()).getByRole('group', { name: /Run: items after the first 2/ })).toBeTruthy();
    expect(handle.current!.getRequest()).toEqual({ scan: ['main', 4] });
    await user.click(addButton());
    await user.click(addButton());
    // Rows are named by their place in the whole array: "Run, row 3" is item 2.
    const third = screen.getByLabelText('Run, row 3') as HTMLInputElement;
    const fourth = screen.getByLabelText('Run, row 4') as HTMLInputElement;
    expect(third.value).toBe('12345');
    await user.clear(fourth);
    await user.type(fourth, '12350');
    expect(handle.current!.getRequest()).toEqual({ scan: ['main', 4, 12345, 12350] });
    await user.click(screen.getByRole('button', { name: 'Remove row 3' }));
    expect(handle.current!.getRequest()).toEqual({ scan: ['main', 4, 12350] });
    expect((screen.getByLabelText('Run, row 3') as HTMLInputElement).value).toBe('12350');
  });

  test('maxItems counts the positions: Add stops at 3 rest rows of 5 items; minItems keeps rows', async () => {
    const handle = renderForm(scanSchema);
    const user = userEvent.setup();
    for (let i = 0; i < 3; i++) await user.click(addButton());
    expect((addButton() as HTMLButtonElement).disabled).toBe(true);
    expect(tuple().textContent).toContain('At most 3 rows.');
    expect((handle.current!.getRequest() as { scan: unknown[] }).scan).toHaveLength(5);

    cleanup();
    const atLeast = { ...scanSchema.properties.scan, minItems: 3 };
    const second = renderForm({ ...scanSchema, properties: { scan: atLeast } });
    // minItems 3 with 2 positions: one rest row from the start, and it cannot be removed.
    expect(second.current!.getRequest()).toEqual({ scan: ['main', 4, 12345] });
    expect((screen.getByRole('button', { name: 'Remove row 3' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('a validation error at /scan/3 lands on that row, not on the positions', async () => {
    const handle = renderForm(scanSchema, { scan: ['wing', 2, 12345, 0] });
    act(() => {
      handle.current!.validate();
    });
    const bad = screen.getByLabelText('Run, row 4');
    expect(bad.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Run, row 3').getAttribute('aria-invalid')).toBeNull();
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(1);
  });

  test('import and a draft give back the exact array; items of the rest schema each get its widget', async () => {
    const drafts: unknown[] = [];
    const handle = renderForm(scanSchema, undefined, (v) => drafts.push(v));
    act(() => {
      expect(handle.current!.importRequest({ scan: ['wing', 2.5, 7, 8, 9] })).toEqual([]);
    });
    expect(handle.current!.getRequest()).toEqual({ scan: ['wing', 2.5, 7, 8, 9] });
    expect((screen.getByLabelText('Run, row 5') as HTMLInputElement).value).toBe('9');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const saved = drafts.at(-1);
    expect(saved).toEqual({ scan: ['wing', 2.5, 7, 8, 9] });
    cleanup();
    const reopened = renderForm(scanSchema, saved);
    expect(reopened.current!.getRequest()).toEqual({ scan: ['wing', 2.5, 7, 8, 9] });
  });

  test('a rest of any JSON (items: true) is one JSON input a row; a position left empty is sent as null, never skipped', async () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        scan: {
          title: 'Scan',
          type: 'array',
          prefixItems: [{ title: 'Label', type: 'string' }],
          items: true,
        },
      },
    };
    const handle = renderForm(schema);
    const user = userEvent.setup();
    expect(handle.current!.getRequest()).toEqual({});
    await user.click(addButton());
    const json = screen.getByLabelText('Scan, row 2') as HTMLTextAreaElement;
    fireEvent.change(json, { target: { value: '{"a": [1, 2]}' } });
    fireEvent.blur(json);
    // The position before the rest item is kept in its place (null), so the item stays at index 1.
    expect(handle.current!.getRequest()).toEqual({ scan: [null, { a: [1, 2] }] });
  });
});
