/**
 * How a list shows its items (src/forms/layout/ListTable.tsx): a table for scalars and narrow items,
 * cards for wide ones or ones holding a group, with every field named "<label>, row <n>" either way.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle } from '../../src/forms/index';

afterEach(cleanup);

const item = (keys: string[], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: { ...Object.fromEntries(keys.map((k) => [k, { type: 'string', default: '' }])), ...extra },
});

function renderLists() {
  const handle = createRef<SubmissionFormHandle>();
  const schema = {
    type: 'object',
    properties: {
      narrow: { type: 'array', items: item(['run', 'sample']), default: [{}] },
      wide: { type: 'array', items: item(['a', 'b', 'c', 'd', 'e']), default: [{}] },
      nested: {
        type: 'array',
        items: item(['run'], { transmission: item(['value']) }),
        default: [{}],
      },
    },
  };
  render(<SubmissionForm schema={schema} formRef={handle} search={false} showImport={false} />);
  return handle;
}

test('narrow items are table rows; wide items and items with a group are cards', () => {
  renderLists();
  const narrow = screen.getByRole('group', { name: 'Narrow' });
  expect(within(narrow).getByRole('table')).toBeTruthy();
  expect(within(narrow).getByRole('textbox', { name: 'Run, row 1' })).toBeTruthy();

  const wide = screen.getByRole('group', { name: 'Wide' });
  expect(within(wide).queryByRole('table')).toBeNull();
  const card = within(wide).getByRole('group', { name: 'Wide, row 1' });
  for (const label of ['A', 'B', 'C', 'D', 'E'])
    expect(within(card).getByRole('textbox', { name: `${label}, row 1` })).toBeTruthy();
  // The label is shown once, as the user sees it, without the row.
  expect(within(card).getAllByText('A', { selector: '[aria-hidden="true"]' })).toHaveLength(1);

  const nested = screen.getByRole('group', { name: 'Nested' });
  expect(within(nested).queryByRole('table')).toBeNull();
  expect(within(nested).getByRole('group', { name: 'Nested, row 1' })).toBeTruthy();
});

test('cards add, fill and remove rows like the table, into the same request', async () => {
  const handle = renderLists();
  const user = userEvent.setup();
  const wide = screen.getByRole('group', { name: 'Wide' });
  await user.click(within(wide).getByRole('button', { name: 'Add row to Wide' }));
  await user.type(within(wide).getByRole('textbox', { name: 'C, row 2' }), 'second');
  await user.type(within(wide).getByRole('textbox', { name: 'A, row 1' }), 'first');
  expect((handle.current!.getRequest() as Record<string, unknown>).wide).toEqual([
    { a: 'first', b: '', c: '', d: '', e: '' },
    { a: '', b: '', c: 'second', d: '', e: '' },
  ]);
  await user.click(within(wide).getByRole('button', { name: 'Remove row 1' }));
  expect((handle.current!.getRequest() as Record<string, unknown>).wide).toEqual([
    { a: '', b: '', c: 'second', d: '', e: '' },
  ]);
  expect(within(wide).getByRole('textbox', { name: 'C, row 1' })).toHaveProperty('value', 'second');
});
