/**
 * The paste preview after its table and problem list became memos of their own: picking where the
 * rows go re-words the first column ("new" / "row N") and keeps every unreadable cell marked, with
 * its reason, and every problem listed.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { expect, test } from 'vitest';
import { PastePreview } from '../../../src/forms/paste/PastePreview';
import {
  buildFieldModel,
  type ListNode,
  type PasteMode,
  planPaste,
  readPastedRows,
} from '../../../src/schemas/index';

const model = buildFieldModel({
  type: 'object',
  properties: {
    samples: {
      type: 'array',
      title: 'Samples',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', title: 'Name' },
          thickness: { type: 'number', title: 'Thickness', 'x-units': 'cm' },
        },
      },
    },
  },
});
const list = model.root.type === 'group' ? (model.root.children[0] as ListNode) : undefined;

function Harness(props: { text: string; existing: number }) {
  const [pasted] = useState(() => readPastedRows(list!, props.text));
  const [mode, setMode] = useState<PasteMode>({ kind: 'append' });
  const plan = planPaste(props.existing, pasted.rows.length, mode, {});
  return (
    <PastePreview
      listLabel="Samples"
      source="the clipboard"
      pasted={pasted}
      plan={plan}
      mode={mode}
      atRow={1}
      existing={props.existing}
      onMode={setMode}
      onApply={() => {}}
      onCancel={() => {}}
    />
  );
}

test('changing where the rows go re-words the rows and keeps every bad cell marked', async () => {
  const user = userEvent.setup();
  const text = 'Name\tThickness (cm)\nA\t0.1\nB\tthick\nC\t0.3 cm\n';
  const { container } = render(<Harness text={text} existing={3} />);
  const table = container.querySelector('table.formulary-paste__table') as HTMLTableElement;
  const firstColumn = () => [...table.querySelectorAll('tbody th')].map((th) => th.textContent);
  const bad = () => [...table.querySelectorAll('td[data-bad="true"]')].map((td) => td.textContent);
  expect(firstColumn()).toEqual(['new', 'new', 'new']);
  expect(bad()).toHaveLength(1);
  expect(bad()[0]).toContain('thick');
  const problems = container.querySelector('ul.formulary-paste__problems')!;
  expect(within(problems as HTMLElement).getAllByRole('listitem')).toHaveLength(1);

  // From row 2 on: rows 2 and 3 written over, the third pasted row new.
  await user.click(screen.getByRole('radio', { name: /Write over the rows from row 2/ }));
  expect(firstColumn()).toEqual(['row 2', 'row 3', 'new']);
  expect(bad()).toHaveLength(1);
  expect(bad()[0]).toContain('thick');
  expect(container.querySelectorAll('ul.formulary-paste__problems li')).toHaveLength(1);

  await user.click(screen.getByRole('radio', { name: 'Replace all rows' }));
  expect(firstColumn()).toEqual(['new', 'new', 'new']);
  expect(bad()).toHaveLength(1);
});
