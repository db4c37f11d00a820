/**
 * The form's sections, from the FieldModel: each top-level group, choice and list is a section; top-
 * level fields go to their x-group's section, or to "General". Order follows x-order / ui:order.
 * Plain data, built once per model. O(top-level nodes).
 */
import { escapePointerSegment, type FieldModel, isRootWrapper, type ModelNode } from '../../schemas/index';
import type { StoragePath } from '../engine/storagePath';
import type { PlacedNode } from './GroupBody';
import { columnsOf, showsCards } from './listColumns';

export interface SectionSpec {
  /** Stable key (UI store, ids). */
  readonly key: string;
  readonly title: string;
  readonly description?: string;
  /** The whole section is advanced: collapsed by default. */
  readonly advanced: boolean;
  /** What the section renders: a group's children, or loose top-level nodes. */
  readonly nodes: readonly PlacedNode[];
  /** Storage paths it covers, for "N changed", reset and reveal. */
  readonly roots: readonly StoragePath[];
  /** Rows it shows when first rendered (see rowsShown): the height estimate of a section not yet rendered. */
  readonly rowCount: number;
  /** Path of the group it stands for, when it is one (for its group-level errors). */
  readonly groupPath?: StoragePath;
}

/**
 * Rows a node shows when first rendered, for the height estimate of a section not yet rendered: the
 * default branch of a choice (not the largest), a list's default or minimum rows (a table row each, or
 * a card of its item's rows), and advanced children folded into one "Advanced (n)" row unless the
 * node is advanced itself. A heading (a nested group's legend, a choice's selector, a list's add bar)
 * counts as a row. Measured against real heights in docs/architecture.md. O(nodes).
 */
function rowsShown(node: ModelNode, insideAdvanced: boolean): number {
  switch (node.type) {
    case 'field':
      return 1;
    case 'group':
      return (
        childRows(node.children, insideAdvanced || node.advanced) +
        (node.rest ? rowsShown(node.rest, insideAdvanced || node.advanced) : 0)
      );
    case 'list': {
      const rows = Array.isArray(node.default) ? node.default.length : (node.minItems ?? 0);
      const cards = showsCards(columnsOf(node));
      return 1 + rows * (cards ? rowsShown(node.item, insideAdvanced || node.advanced) : 1);
    }
    case 'choice': {
      const branch = node.branches.find((b) => b.id === node.defaultBranch) ?? node.branches[0];
      return 1 + (branch ? rowsShown(branch.node, insideAdvanced || node.advanced) : 0);
    }
  }
}

/** Rows of a group's children: the plain ones, plus one for a folded "Advanced (n)" part. */
function childRows(children: readonly ModelNode[], insideAdvanced: boolean): number {
  let rows = 0;
  let folded = false;
  for (const child of children) {
    if (!insideAdvanced && child.advanced) folded = true;
    else rows += rowsShown(child, insideAdvanced) + (child.type === 'group' ? 1 : 0);
  }
  return rows + (folded ? 1 : 0);
}

/** Sections of `model` in display order. */
export function sectionsOf(model: FieldModel, generalTitle = 'General'): SectionSpec[] {
  const children = [...model.root.children].sort(
    (a, b) => a.order - b.order || a.schemaIndex - b.schemaIndex,
  );
  const sections: SectionSpec[] = [];
  const loose = new Map<string, { spec: SectionSpec; nodes: PlacedNode[] }>();
  // A root that is not an object is one node stored at "" (rootValueNode): its value is the request.
  const wrapped = isRootWrapper(model.root);
  for (const node of children) {
    const path = wrapped ? '' : `/${escapePointerSegment(node.key)}`;
    // A fixed-position list (tuple) is one row of inputs in its section, not a section of its own.
    if (node.type === 'group' && !node.tuple && node.group === undefined) {
      const nodes = [...node.children]
        .sort((a, b) => a.order - b.order || a.schemaIndex - b.schemaIndex)
        .map((c) => ({ node: c, path: `${path}/${escapePointerSegment(c.key)}` }));
      sections.push({
        key: path,
        title: node.label,
        description: node.description,
        advanced: node.advanced,
        nodes,
        roots: [path],
        rowCount: rowsShown(node, false),
        groupPath: path,
      });
      continue;
    }
    if ((node.type === 'choice' || node.type === 'list') && node.group === undefined) {
      sections.push({
        key: path || '/',
        title: node.label,
        // The choice or list shows its own description.
        advanced: node.advanced,
        nodes: [{ node, path }],
        roots: [path],
        rowCount: rowsShown(node, false),
      });
      continue;
    }
    const name = node.group ?? generalTitle;
    let entry = loose.get(name);
    if (!entry) {
      const nodes: PlacedNode[] = [];
      const spec: SectionSpec = {
        key: `group:${name}`,
        title: name,
        advanced: false,
        nodes,
        roots: [],
        rowCount: 0,
      };
      entry = { spec, nodes };
      loose.set(name, entry);
      sections.push(spec);
    }
    entry.nodes.push({ node, path });
  }
  return sections.map((s) => {
    const entry = loose.get(s.title);
    if (!entry || entry.spec !== s) return s;
    return {
      ...s,
      roots: entry.nodes.map((n) => n.path),
      rowCount: childRows(
        entry.nodes.map((n) => n.node),
        false,
      ),
      advanced: entry.nodes.every((n) => n.node.advanced),
    };
  });
}
