/**
 * A fixed-position list (a tuple: draft-07 `items: [...]`, 2020-12 `prefixItems`): a fieldset whose
 * positions sit side by side, one labelled input each, in order. Positions cannot be added, removed or
 * moved, because each means something else. An open tuple (items allowed after the positions) then
 * shows those items as a ListTable of rows of the rest schema, with Add and Remove, within the
 * schema's minItems/maxItems less the positions; a closed one has no Add button. The fieldset itself
 * is TupleFrame, which the react-hook-form view (rhf/RhfTuple) draws too.
 */

import { memo, type ReactNode, useMemo, useRef } from 'react';
import type { GroupNode } from '../../schemas/index';
import type { StoragePath } from '../engine/storagePath';
import { domId, useFormContextValue } from '../FormContext';
import { placeChildren } from './GroupBody';
import { ListTable } from './ListTable';
import { NodeErrors } from './NodeErrors';
import { NodeView } from './NodeView';
import { byPosition, TupleFrame } from './TupleFrame';
import { useFocusTarget } from './useFocusTarget';

export const TupleView = memo(function TupleView({
  node,
  path,
}: {
  node: GroupNode;
  path: StoragePath;
}): ReactNode {
  const { idPrefix } = useFormContextValue();
  const positions = useMemo(() => placeChildren(node, path).sort(byPosition), [node, path]);
  const id = domId(idPrefix, path);
  const ref = useRef<HTMLFieldSetElement>(null);
  useFocusTarget(path, ref);
  return (
    <TupleFrame
      node={node}
      id={id}
      positionCount={positions.length}
      frameRef={ref}
      errors={<NodeErrors path={path} id={`${id}-error`} />}
      rest={node.rest && <ListTable node={node.rest} path={path} />}
    >
      {positions.map((p) => (
        <NodeView key={p.path} node={p.node} path={p.path} />
      ))}
    </TupleFrame>
  );
});
