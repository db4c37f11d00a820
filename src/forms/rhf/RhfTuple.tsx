/**
 * A fixed-position list (a tuple: 2020-12 `prefixItems`, draft-07 `items: [...]`) of <FormularyFields>:
 * one labelled field per position (its title, else the model's "<tuple label> <n>"), each its own
 * useController at "<name>.<i>", so the host's array holds the positions in order and the resolver's
 * error at "/qRange/1" shows at the second input. An open tuple's further items are RhfList over the
 * same array from its first item past the positions (Add, Remove, Move within minItems/maxItems less
 * the positions). The frame is layout/TupleFrame, the one SubmissionForm's TupleView draws.
 */
import { memo, type ReactNode, useMemo } from 'react';
import { byPosition, TupleFrame } from '../layout/TupleFrame';
import { rhfDomId, useRhfContext, useRhfName } from './RhfContext';
import { RhfList } from './RhfList';
import { placeAt, type RhfGroupProps, RhfNode, RhfNodeErrors } from './RhfNode';

export const RhfTuple = memo(function RhfTuple({ node, pointer, indexes }: RhfGroupProps): ReactNode {
  const { idPrefix } = useRhfContext();
  const name = useRhfName(pointer);
  const positions = useMemo(() => placeAt(node, pointer).sort(byPosition), [node, pointer]);
  const id = rhfDomId(idPrefix, name);
  return (
    <TupleFrame
      node={node}
      id={id}
      positionCount={positions.length}
      errors={<RhfNodeErrors name={name} id={`${id}-error`} />}
      rest={node.rest && <RhfList node={node.rest} pointer={pointer} indexes={indexes} />}
    >
      {positions.map((p) => (
        <RhfNode key={p.pointer} node={p.node} pointer={p.pointer} indexes={indexes} />
      ))}
    </TupleFrame>
  );
});
