/**
 * Shows a node of <FormularyFields> only while its if/then/else and dependency conditions hold, by
 * watching the values those conditions read (useWatch with compute: a change elsewhere, or one that
 * leaves the outcome as it was, renders nothing here). Hidden nodes keep their values in the form;
 * the resolver leaves them out of the request, as SubmissionForm does.
 */
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import {
  evaluateCondition,
  instancePointer,
  type ModelNode,
  type PointerTemplate,
  setAt,
} from '../../schemas/index';
import { conditionById } from '../engine/buildRequest';
import { useRhfContext } from './RhfContext';
import { rhfNameOf } from './rhfNames';

const stars = (t: PointerTemplate): number => t.split('/*').length - 1;

export function RhfGate({
  node,
  indexes,
  children,
}: {
  node: ModelNode;
  indexes: readonly number[];
  children: ReactNode;
}): ReactNode {
  const { control, prefix, model } = useRhfContext();
  // Per condition deciding this node: which side shows it, and the pointers it reads in these rows.
  const plan = useMemo(() => {
    const conditions = [];
    const pointers: string[] = [];
    for (const id of node.conditionIds) {
      const condition = conditionById(model, id);
      if (!condition) continue;
      const when = condition.whenTrue.includes(node.pointer)
        ? true
        : condition.whenFalse.includes(node.pointer)
          ? false
          : undefined;
      if (when === undefined) continue;
      const reads = condition.reads
        .filter((t) => stars(t) <= indexes.length)
        .map((t) => instancePointer(t, indexes.slice(0, stars(t))));
      conditions.push({ condition, when, from: pointers.length, count: reads.length });
      pointers.push(...reads);
    }
    return { conditions, pointers, names: pointers.map((p) => rhfNameOf(prefix, p)) };
  }, [model, node, indexes, prefix]);
  const shown = useWatch({
    control,
    name: plan.names,
    compute: (values: unknown[]) =>
      plan.conditions.every(({ condition, when, from, count }) => {
        const sparse: Record<string, unknown> = {};
        for (let i = from; i < from + count; i++)
          if (values[i] !== undefined) setAt(sparse, plan.pointers[i]!, values[i]);
        const scopeIndexes = indexes.slice(0, stars(condition.scope));
        return evaluateCondition(model, condition, sparse, scopeIndexes) === when;
      }),
  });
  return shown ? children : null;
}
