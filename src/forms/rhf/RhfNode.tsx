/**
 * Renders any model node of <FormularyFields> at its pointer (list indexes filled in): a field, a
 * nested group (fieldset), a fixed-position list (RhfTuple), a list or a choice, behind its
 * conditions when it has any. The group body puts advanced children in one collapsed "Advanced"
 * part that is not rendered while closed, as the form's own layout does (layout/GroupBody.tsx,
 * whose placing rules this reuses).
 */

import { memo, type ReactNode, useId, useMemo, useState } from 'react';
import { get, useFormState } from 'react-hook-form';
import { escapePointerSegment, type GroupNode, type ModelNode, type Pointer } from '../../schemas/index';
import { useT } from '../../widgets/index';
import { RhfChoice } from './RhfChoice';
import { rhfDomId, useRhfContext, useRhfName } from './RhfContext';
import { RhfField } from './RhfField';
import { RhfGate } from './RhfGate';
import { RhfList } from './RhfList';
import { RhfTuple } from './RhfTuple';
import { rhfNameOf } from './rhfNames';

export interface PlacedPointer {
  readonly node: ModelNode;
  readonly pointer: Pointer;
}

/** A group's children at `pointer` in display order, minus `skip` (a choice's discriminator). */
export function placeAt(group: GroupNode, pointer: Pointer, skip?: string): PlacedPointer[] {
  // A choice's value branch: its one input is the choice's own value.
  const only = group.children.length === 1 ? group.children[0]! : undefined;
  if (only && only.pointer === group.pointer) return [{ node: only, pointer }];
  return [...group.children]
    .filter((c) => c.key !== skip)
    .sort((a, b) => a.order - b.order || a.schemaIndex - b.schemaIndex)
    .map((node) => ({ node, pointer: `${pointer}/${escapePointerSegment(node.key)}` }));
}

export interface RhfNodeProps {
  readonly node: ModelNode;
  readonly pointer: Pointer;
  /** Row indexes of the lists this node is in, outermost first. */
  readonly indexes: readonly number[];
}

export const RhfNode = memo(function RhfNode({ node, pointer, indexes }: RhfNodeProps): ReactNode {
  const inner =
    node.type === 'field' ? (
      <RhfField node={node} pointer={pointer} />
    ) : node.type === 'group' ? (
      node.tuple ? (
        <RhfTuple node={node} pointer={pointer} indexes={indexes} />
      ) : (
        <RhfGroup node={node} pointer={pointer} indexes={indexes} />
      )
    ) : node.type === 'list' ? (
      <RhfList node={node} pointer={pointer} indexes={indexes} />
    ) : (
      <RhfChoice node={node} pointer={pointer} indexes={indexes} />
    );
  return node.conditionIds.length > 0 ? (
    <RhfGate node={node} indexes={indexes}>
      {inner}
    </RhfGate>
  ) : (
    inner
  );
});

/** Regular children, then the advanced ones behind a disclosure (not rendered while closed). */
export function RhfBody({
  nodes,
  indexes,
  insideAdvanced = false,
}: {
  nodes: readonly PlacedPointer[];
  indexes: readonly number[];
  insideAdvanced?: boolean;
}): ReactNode {
  const [regular, advanced] = useMemo(
    () =>
      insideAdvanced
        ? [nodes, []]
        : [nodes.filter((n) => !n.node.advanced), nodes.filter((n) => n.node.advanced)],
    [nodes, insideAdvanced],
  );
  return (
    <>
      {regular.map((n) => (
        <RhfNode key={n.pointer} node={n.node} pointer={n.pointer} indexes={indexes} />
      ))}
      {advanced.length > 0 && <RhfAdvanced nodes={advanced} indexes={indexes} />}
    </>
  );
}

/** The advanced part of a group: collapsed, opening by itself when an error appears inside. */
function RhfAdvanced({
  nodes,
  indexes,
}: {
  nodes: readonly PlacedPointer[];
  indexes: readonly number[];
}): ReactNode {
  const { control, prefix } = useRhfContext();
  const t = useT();
  const names = useMemo(() => nodes.map((n) => rhfNameOf(prefix, n.pointer)), [nodes, prefix]);
  const { errors, dirtyFields } = useFormState({ control, name: names });
  const [stateOpen, setOpen] = useState(false);
  const holdsError = names.some((n) => get(errors, n) !== undefined);
  const open = stateOpen || holdsError;
  const changed = names.reduce((sum, n) => sum + countTrue(get(dirtyFields, n)), 0);
  const bodyId = useId();
  return (
    <div className="formulary-advanced" data-open={open ? 'true' : 'false'}>
      <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        {t('form.advanced', { count: nodes.length })}
        {changed > 0 && (
          <span className="formulary-changed-count"> · {t('form.changed', { count: changed })}</span>
        )}
      </button>
      <div id={bodyId} hidden={!open}>
        {open &&
          nodes.map((n) => <RhfNode key={n.pointer} node={n.node} pointer={n.pointer} indexes={indexes} />)}
      </div>
    </div>
  );
}

/** How many leaves of a dirtyFields subtree are true. O(subtree). */
export function countTrue(tree: unknown): number {
  if (tree === true) return 1;
  if (tree === null || typeof tree !== 'object') return 0;
  let n = 0;
  for (const v of Object.values(tree)) n += countTrue(v);
  return n;
}

/** A group node (a nested object, or a tuple) at its pointer inside the lists it is in. */
export interface RhfGroupProps {
  readonly node: GroupNode;
  readonly pointer: Pointer;
  readonly indexes: readonly number[];
}

/** A nested group as a fieldset with a legend and its own errors. */
const RhfGroup = memo(function RhfGroup({ node, pointer, indexes }: RhfGroupProps): ReactNode {
  const { idPrefix } = useRhfContext();
  const name = useRhfName(pointer);
  const nodes = useMemo(() => placeAt(node, pointer), [node, pointer]);
  const id = rhfDomId(idPrefix, name);
  return (
    <fieldset id={id} tabIndex={-1} className="formulary-group">
      <legend>{node.label}</legend>
      {node.description && <p id={`${id}-description`}>{node.description}</p>}
      <RhfNodeErrors name={name} id={`${id}-error`} />
      <RhfBody nodes={nodes} indexes={indexes} insideAdvanced={node.advanced} />
    </fieldset>
  );
});

/** Errors that belong to a group, list or choice as a whole (the resolver puts them at `<name>.root`). */
export function RhfNodeErrors({ name, id }: { name: string; id: string }): ReactNode {
  const { control } = useRhfContext();
  const root = `${name}.root`;
  const { errors } = useFormState({ control, name: root, exact: true });
  const message = (get(errors, root) as { message?: string } | undefined)?.message;
  if (!message) return null;
  return (
    <p id={id} className="formulary-node-error">
      {message}
    </p>
  );
}
