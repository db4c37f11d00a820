/**
 * The part of the request that checking one field needs: the field, the values its cross-field rules
 * read, the values deciding the conditions on it and its ancestors, and the discriminators of the
 * choices around it. Lets a keystroke in a field that shows an error re-check it in O(reads) instead of
 * rebuilding the whole request. Returns null when that set cannot be known (a rule reading every row
 * of a list, a choice without discriminator): the caller then builds the full request. No React.
 */
import { type FieldModel, type FieldNode, type PointerTemplate, setAt } from '../../schemas/index';
import { conditionById } from './buildRequest';
import type { NodeIndex } from './nodeIndex';
import {
  fieldName,
  pointerOf,
  type RowLookup,
  resolveTemplate,
  type StoragePath,
  templateOf,
} from './storagePath';
import { isUnparsed } from './UnparsedText';

const ruleIndex = new WeakMap<FieldModel, Map<string, FieldModel['rules'][number]>>();

function ruleById(model: FieldModel, id: string) {
  let index = ruleIndex.get(model);
  if (!index) {
    index = new Map(model.rules.map((r) => [r.id, r]));
    ruleIndex.set(model, index);
  }
  return index.get(id);
}

/** List template -> row id, for the rows a storage path lies in. */
function rowsIn(path: StoragePath): Map<PointerTemplate, string> {
  const rows = new Map<PointerTemplate, string>();
  let template = '';
  for (const segment of path.split('/').slice(1)) {
    if (segment.startsWith('~r')) {
      rows.set(template, segment.slice(2));
      template += '/*';
    } else template += `/${segment}`;
  }
  return rows;
}

/** The sparse request for checking the field at `path`, or null (see the file comment). O(reads x depth). */
export function sparseRequest(
  model: FieldModel,
  index: NodeIndex,
  node: FieldNode,
  path: StoragePath,
  read: (name: string) => unknown,
  rowsOf: RowLookup,
): Record<string, unknown> | null {
  const rows = rowsIn(path);
  const templates = new Set<PointerTemplate>([node.pointer]);
  for (const id of node.ruleIds) {
    const rule = ruleById(model, id);
    if (!rule) return null;
    for (const t of rule.reads) templates.add(t);
  }
  // Conditions and choices on the field and each ancestor.
  let prefix: PointerTemplate = node.pointer;
  for (;;) {
    const at = index.byTemplate.get(prefix);
    for (const id of at?.conditionIds ?? [])
      for (const t of conditionById(model, id)?.reads ?? []) templates.add(t);
    if (at?.type === 'choice' && prefix !== node.pointer) {
      if (at.discriminator === undefined) return null;
      templates.add(`${prefix}/${at.discriminator.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
    if (prefix === '') break;
    prefix = prefix.slice(0, prefix.lastIndexOf('/'));
  }
  let request: Record<string, unknown> = {};
  for (const template of templates) {
    const target = index.byTemplate.get(template);
    if (target?.type !== 'field') {
      // An owner object named beside the fields it holds carries no value of its own.
      if ([...templates].some((t) => t !== template && t.startsWith(`${template}/`))) continue;
      return null;
    }
    let storage: StoragePath;
    try {
      storage = resolveTemplate(template, rows);
    } catch {
      return null; // reads rows other than the field's own
    }
    const value = read(fieldName(storage));
    if (value === undefined || isUnparsed(value)) continue;
    // The root pointer "" (a schema whose root is a text, say) replaces the request itself.
    request = setAt(
      request,
      pointerOf(storage, rowsOf, (list) => index.listAt.get(templateOf(list))?.firstIndex ?? 0),
      value,
    );
  }
  return request;
}
