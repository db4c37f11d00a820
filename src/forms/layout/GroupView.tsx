/** A nested group (an object inside a section) as a fieldset with a legend and its own errors. */
import { memo, type ReactNode, useMemo, useRef } from 'react';
import type { GroupNode } from '../../schemas/index';
import type { StoragePath } from '../engine/storagePath';
import { domId, useFormContextValue } from '../FormContext';
import { GroupBody, placeChildren } from './GroupBody';
import { NodeErrors } from './NodeErrors';
import { useFocusTarget } from './useFocusTarget';

export const GroupView = memo(function GroupView({
  node,
  path,
}: {
  node: GroupNode;
  path: StoragePath;
}): ReactNode {
  const { idPrefix } = useFormContextValue();
  const nodes = useMemo(() => placeChildren(node, path), [node, path]);
  const id = domId(idPrefix, path);
  const ref = useRef<HTMLFieldSetElement>(null);
  useFocusTarget(path, ref);
  return (
    <fieldset
      ref={ref}
      tabIndex={-1}
      id={id}
      className="formulary-group"
      aria-describedby={node.description ? `${id}-description` : undefined}
    >
      <legend>{node.label}</legend>
      {node.description && <p id={`${id}-description`}>{node.description}</p>}
      <NodeErrors path={path} id={`${id}-error`} />
      <GroupBody nodes={nodes} partKey={path} insideAdvanced={node.advanced} label={node.label} />
    </fieldset>
  );
});
