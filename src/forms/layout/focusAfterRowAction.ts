/**
 * Where focus goes after a row action takes away the button that had it (Remove row; Move up in the
 * second row, which disables it; a row moved in the DOM): a button of the row now at `index`, in the
 * order given, else the list's "Add row" button. Never <body>: a keyboard user keeps their place.
 * Runs after React has committed the change (next animation frame). DOM only, no React.
 */

/** The direct rows of a list's fieldset (a table's <tr>s or the cards' <li>s), not nested lists'. */
function rowsOf(list: Element): Element[] {
  return [
    ...list.querySelectorAll(
      ':scope > .formulary-table-scroll > table > tbody > tr, :scope > ol.formulary-cards > li',
    ),
  ];
}

/** Focuses, once the DOM has the change, a row action of row `index` (clamped) of `list`. */
export function focusAfterRowAction(list: Element | null, index: number, prefer: readonly string[]): void {
  if (!list) return;
  requestAnimationFrame(() => {
    const rows = rowsOf(list);
    const row = rows[Math.max(0, Math.min(index, rows.length - 1))];
    for (const action of prefer) {
      const button = row?.querySelector<HTMLButtonElement>(
        `.formulary-row-actions button[data-action="${action}"]:not(:disabled)`,
      );
      if (button) {
        button.focus();
        return;
      }
    }
    list.querySelector<HTMLButtonElement>(':scope > button.formulary-list__add')?.focus();
  });
}
