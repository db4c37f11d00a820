/**
 * Renders any model node at a storage path: a field row, a nested group (fieldset), a list (editable
 * table) or a choice (segmented control or select), behind its conditions when it has any.
 */
import { memo, type ReactNode } from 'react';
import type { ModelNode } from '../../schemas/index';
import { FieldRow } from '../fields/FieldRow';
import { useSearchShows } from '../search/SearchFilter';
import { ChoiceView } from './ChoiceView';
import { ConditionGate } from './ConditionGate';
import { GroupView } from './GroupView';
import { ListTable } from './ListTable';
import { TupleView } from './TupleView';

export interface NodeViewProps {
  readonly node: ModelNode;
  readonly path: string;
}

/** One node of the form. */
export const NodeView = memo(function NodeView({ node, path }: NodeViewProps): ReactNode {
  // "Show only matches" (search) leaves out nodes without a match inside.
  if (!useSearchShows(node.pointer)) return null;
  const inner =
    node.type === 'field' ? (
      <FieldRow node={node} path={path} />
    ) : node.type === 'group' ? (
      node.tuple ? (
        <TupleView node={node} path={path} />
      ) : (
        <GroupView node={node} path={path} />
      )
    ) : node.type === 'list' ? (
      <ListTable node={node} path={path} />
    ) : (
      <ChoiceView node={node} path={path} />
    );
  return node.conditionIds.length > 0 ? <ConditionGate node={node}>{inner}</ConditionGate> : inner;
});
