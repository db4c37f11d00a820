/**
 * A fixed-position list (a tuple: draft-07 `items: [...]`, 2020-12 `prefixItems`): a fieldset whose
 * positions sit side by side, one labelled input each, in order. Positions cannot be added, removed or
 * moved, because each means something else. An open tuple (items allowed after the positions) then
 * shows those items as a ListTable of rows of the rest schema, with Add and Remove, within the
 * schema's minItems/maxItems less the positions; a closed one has no Add button.
 */

import { memo, type ReactNode, useMemo, useRef } from 'react';
import type { GroupNode } from '../../schemas/index';
import { useT } from '../../widgets/index';
import type { StoragePath } from '../engine/storagePath';
import { domId, useFormContextValue } from '../FormContext';
import { placeChildren } from './GroupBody';
import { ListTable } from './ListTable';
import { NodeErrors } from './NodeErrors';
import { NodeView } from './NodeView';
import { useFocusTarget } from './useFocusTarget';

export const TupleView = memo(function TupleView({
  node,
  path,
}: {
  node: GroupNode;
  path: StoragePath;
}): ReactNode {
  const { idPrefix } = useFormContextValue();
  // Positions stay in schema order whatever their x-order: the position is the meaning.
  const positions = useMemo(
    () => placeChildren(node, path).sort((a, b) => Number(a.node.key) - Number(b.node.key)),
    [node, path],
  );
  const id = domId(idPrefix, path);
  const ref = useRef<HTMLFieldSetElement>(null);
  useFocusTarget(path, ref);
  const t = useT();
  return (
    <fieldset
      ref={ref}
      tabIndex={-1}
      id={id}
      className="formulary-group formulary-tuple"
      aria-describedby={`${id}-positions${node.description ? ` ${id}-description` : ''}`}
    >
      <legend>{node.label}</legend>
      {node.description && <p id={`${id}-description`}>{node.description}</p>}
      <p id={`${id}-positions`} className="formulary-tuple-note">
        {t(node.rest ? 'form.tupleOpenNote' : 'form.tupleNote', { count: positions.length })}
      </p>
      <NodeErrors path={path} id={`${id}-error`} />
      <div className="formulary-tuple-positions">
        {positions.map((p) => (
          <NodeView key={p.path} node={p.node} path={p.path} />
        ))}
      </div>
      {node.rest && <ListTable node={node.rest} path={path} />}
    </fieldset>
  );
});
