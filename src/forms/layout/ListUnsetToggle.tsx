/**
 * The "Unset" toggle of a list whose schema allows null: ticked, the list is sent as null (not as an
 * empty list) and its rows are put aside; unticked, they come back. The list's own counterpart of the
 * widgets' withNullable, so a null list is a visible choice and never turns into [] on its own.
 */
import type { ReactNode } from 'react';
import type { ListNode } from '../../schemas/index';
import type { StoragePath } from '../engine/storagePath';
import { domId, useFormContextValue } from '../FormContext';

export function ListUnsetToggle(props: {
  node: ListNode;
  path: StoragePath;
  unset: boolean;
  locked: boolean;
}): ReactNode {
  const { engine, idPrefix } = useFormContextValue();
  const id = `${domId(idPrefix, props.path)}-unset`;
  return (
    <span className="formulary-widget__unset">
      <input
        id={id}
        type="checkbox"
        checked={props.unset}
        disabled={props.locked}
        aria-label={`${props.node.label}: unset`}
        onChange={(event) => engine.setListUnset(props.path, event.currentTarget.checked)}
      />
      <label htmlFor={id} aria-hidden="true">
        Unset
      </label>
    </span>
  );
}
