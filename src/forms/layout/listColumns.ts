/**
 * How a list's rows are laid out: a table (one column per field of an item of at most CARD_COLUMNS
 * plain fields, or one for a scalar item) or cards (wider items, or items holding a group, list or
 * choice). ListTable renders by it and sectionsOf estimates heights by it, so both always agree.
 */
import { escapePointerSegment, type ListNode, type ModelNode } from '../../schemas/index';

export interface Column {
  readonly node: ModelNode;
  readonly key: string | null;
}

/** The columns of a list's table: the item's children in order, or the item itself when scalar. */
export function columnsOf(list: ListNode): Column[] {
  const item = list.item;
  if (item.type !== 'group') return [{ node: item, key: null }];
  return [...item.children]
    .sort((a, b) => a.order - b.order)
    .map((node) => ({ node, key: escapePointerSegment(node.key) }));
}

/** More plain fields than this in an item, or any group, list or choice in it: cards, not a table. */
const CARD_COLUMNS = 4;

/** Whether the items of a list with these columns show as cards. */
export function showsCards(columns: readonly Column[]): boolean {
  return columns.length > CARD_COLUMNS || columns.some((c) => c.node.type !== 'field');
}
