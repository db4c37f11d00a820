/**
 * Shows or hides a node by its if/then/else and dependency conditions. It subscribes to the values its
 * conditions read (those names only), so a change elsewhere costs nothing here. Hidden nodes keep
 * their values in the form; the request builder leaves them out.
 */
import { type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ModelNode } from '../../schemas/index';
import { conditionById } from '../engine/buildRequest';
import { fieldName, resolveTemplate } from '../engine/storagePath';
import { RowContext, useFormContextValue } from '../FormContext';
import { useRenderCount } from '../renderCount';

export interface ConditionGateProps {
  readonly node: ModelNode;
  readonly children: ReactNode;
}

/** Renders `children` only while the node's conditions show it. */
export function ConditionGate({ node, children }: ConditionGateProps): ReactNode {
  const { engine } = useFormContextValue();
  const rows = useContext(RowContext);
  const names = useMemo(() => {
    const out = new Set<string>();
    for (const id of node.conditionIds) {
      for (const read of conditionById(engine.model, id)?.reads ?? []) {
        try {
          out.add(fieldName(resolveTemplate(read, rows)));
        } catch {
          // A read inside a list this node is not in: the condition cannot be decided per row.
        }
      }
    }
    return [...out];
  }, [engine, node, rows]);
  useRenderCount(`gate:${node.pointer}`);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = names.map((name) => engine.subscribeValue(name, listener));
      return () => {
        for (const off of offs) off();
      };
    },
    [engine, names],
  );
  // The snapshot is the outcome itself: a value it reads may change without re-rendering the gate.
  const shown = useSyncExternalStore(subscribe, () => engine.isShown(node, rows));
  return shown ? children : null;
}
