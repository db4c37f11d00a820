/**
 * The columns a spreadsheet row fills in a list: every plain field of the list's item, those inside
 * its groups too ("Transmission run number"), in the order the form shows them. Fields inside a
 * nested list or a choice, and read-only fields, take no column: a cell there would have no single
 * field to go to. Each column knows the names a header cell may call it by. No React, no DOM.
 */
import type { FieldNode, GroupNode, ListNode, ModelNode, Pointer } from '../FieldModel';
import { escapePointerSegment } from '../pointer';

export interface PasteColumn {
  readonly field: FieldNode;
  /** Pointer inside one item ("/transmission/runNumber"); "" when the item itself is the field. */
  readonly path: Pointer;
  /** What a person calls it: the field's label, behind its groups' labels ("Transmission run number"). */
  readonly label: string;
  /** Header names that select it, normalised with headerName. */
  readonly names: readonly string[];
}

/**
 * A header cell or label as compared: lower case, the unit in brackets or parentheses left out, and
 * spaces, underscores, hyphens, dots and slashes removed, so "Sample name", "sample_name" and
 * "sampleName" are one name. O(length).
 * @example headerName('Thickness (cm)') // 'thickness'
 */
export function headerName(text: string): string {
  return splitUnit(text)
    .name.toLowerCase()
    .replace(/[\s_\-./]+/g, '');
}

/**
 * A header cell's name and the unit written after it in brackets or parentheses, if any.
 * @example splitUnit('Temperature [K]') // {name: 'Temperature', unit: 'K'}
 */
export function splitUnit(text: string): { name: string; unit?: string } {
  const match = /^(.*?)\s*[([]\s*([^()[\]]*?)\s*[)\]]\s*$/.exec(text.trim());
  if (!match || match[1] === '') return { name: text.trim() };
  return { name: match[1]!, unit: match[2]! };
}

function sortedChildren(group: GroupNode): ModelNode[] {
  return [...group.children].sort((a, b) => a.order - b.order);
}

/** The list's paste columns, in form order. O(fields of the item). */
export function pasteColumnsOf(list: ListNode): PasteColumn[] {
  const columns: PasteColumn[] = [];
  const walk = (node: ModelNode, path: Pointer, labels: readonly string[], keys: readonly string[]) => {
    if (node.type === 'field') {
      if (node.readOnly) return;
      const label = [...labels, node.label].join(' ');
      const names = new Set([
        headerName(label),
        headerName(node.label),
        headerName(node.key),
        headerName([...keys, node.key].join('')),
      ]);
      names.delete('');
      columns.push({ field: node, path, label, names: [...names] });
      return;
    }
    if (node.type !== 'group' || node.tuple) return;
    for (const child of sortedChildren(node)) {
      walk(
        child,
        `${path}/${escapePointerSegment(child.key)}`,
        node === list.item ? labels : [...labels, node.label],
        node === list.item ? keys : [...keys, node.key],
      );
    }
  };
  walk(list.item, '', [], []);
  return columns;
}
