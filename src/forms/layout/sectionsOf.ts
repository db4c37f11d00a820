/**
 * The form's sections, from the FieldModel: each top-level group, choice and list is a section; top-
 * level fields go to their x-group's section, or to "General". Order follows x-order / ui:order.
 * Plain data, built once per model. O(top-level nodes).
 */
import { escapePointerSegment, type FieldModel, type ModelNode } from '../../schemas/index';
import type { StoragePath } from '../engine/storagePath';
import type { PlacedNode } from './GroupBody';

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
  /** Leaf fields inside (estimates the height of a not-yet-rendered section). */
  readonly fieldCount: number;
  /** Path of the group it stands for, when it is one (for its group-level errors). */
  readonly groupPath?: StoragePath;
}

function countFields(node: ModelNode): number {
  switch (node.type) {
    case 'field':
      return 1;
    case 'group':
      return node.children.reduce((n, c) => n + countFields(c), 0);
    case 'list':
      return 2 * countFields(node.item);
    case 'choice':
      return Math.max(0, ...node.branches.map((b) => countFields(b.node)));
  }
}

/** Sections of `model` in display order. */
export function sectionsOf(model: FieldModel): SectionSpec[] {
  const children = [...model.root.children].sort(
    (a, b) => a.order - b.order || a.schemaIndex - b.schemaIndex,
  );
  const sections: SectionSpec[] = [];
  const loose = new Map<string, { spec: SectionSpec; nodes: PlacedNode[] }>();
  for (const node of children) {
    const path = `/${escapePointerSegment(node.key)}`;
    if (node.type === 'group' && node.group === undefined) {
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
        fieldCount: countFields(node),
        groupPath: path,
      });
      continue;
    }
    if ((node.type === 'choice' || node.type === 'list') && node.group === undefined) {
      sections.push({
        key: path,
        title: node.label,
        // The choice or list shows its own description.
        advanced: node.advanced,
        nodes: [{ node, path }],
        roots: [path],
        fieldCount: countFields(node),
      });
      continue;
    }
    const name = node.group ?? 'General';
    let entry = loose.get(name);
    if (!entry) {
      const nodes: PlacedNode[] = [];
      const spec: SectionSpec = {
        key: `group:${name}`,
        title: name,
        advanced: false,
        nodes,
        roots: [],
        fieldCount: 0,
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
      fieldCount: entry.nodes.reduce((n, p) => n + countFields(p.node), 0),
      advanced: entry.nodes.every((n) => n.node.advanced),
    };
  });
}
