/**
 * The children of a group in order, with its advanced children gathered in one collapsed "Advanced"
 * part at the end (not rendered while closed). Shared by sections, nested groups and choice branches.
 */
import { type ReactNode, useMemo } from 'react';
import { escapePointerSegment, type GroupNode, type ModelNode } from '../../schemas/index';
import type { StoragePath } from '../engine/storagePath';
import { AdvancedPart } from './AdvancedPart';
import { NodeView } from './NodeView';

export interface PlacedNode {
  readonly node: ModelNode;
  readonly path: StoragePath;
}

/** Children of `group` at `path`, minus `skip` keys (a choice's discriminator). */
export function placeChildren(group: GroupNode, path: StoragePath, skip?: string): PlacedNode[] {
  // A choice's value branch: its one input is stored at the choice's own path.
  const only = group.children.length === 1 ? group.children[0]! : undefined;
  if (only && only.pointer === group.pointer) return [{ node: only, path }];
  return [...group.children]
    .filter((c) => c.key !== skip)
    .sort((a, b) => a.order - b.order || a.schemaIndex - b.schemaIndex)
    .map((node) => ({ node, path: `${path}/${escapePointerSegment(node.key)}` }));
}

export interface GroupBodyProps {
  readonly nodes: readonly PlacedNode[];
  /** Key of this body's advanced part in the UI store. */
  readonly partKey: string;
  /** The enclosing part is itself advanced: do not nest another "Advanced" inside it. */
  readonly insideAdvanced?: boolean;
  /** The section, group or branch these are the children of: names its "Advanced" button. */
  readonly label: string;
}

/** Regular children, then the advanced ones behind a disclosure. */
export function GroupBody({ nodes, partKey, insideAdvanced = false, label }: GroupBodyProps): ReactNode {
  const [regular, advanced] = useMemo(() => {
    if (insideAdvanced) return [nodes, []];
    return [nodes.filter((n) => !n.node.advanced), nodes.filter((n) => n.node.advanced)];
  }, [nodes, insideAdvanced]);
  return (
    <>
      {regular.map((n) => (
        <NodeView key={n.path} node={n.node} path={n.path} />
      ))}
      {advanced.length > 0 && <AdvancedPart nodes={advanced} partKey={`${partKey}#advanced`} label={label} />}
    </>
  );
}
