/**
 * A choice (oneOf/anyOf with distinct branches) of <FormularyFields>: a segmented control for up to
 * four branches, else a select; only the selected branch is rendered. The branch is what the values
 * select (schemas' selectBranch: the discriminator, else the best-fitting keys), watched through
 * useWatch's compute so a keystroke inside a branch renders nothing here. Picking a branch sets the
 * discriminator (through its controller) and each field of the branch starts at its default when the
 * values have none; other keys stay, so switching back restores them (the resolver sends only the
 * selected branch, as SubmissionForm does). Without a discriminator, picking replaces the values with
 * the branch's (KeyedPicker).
 */
import { memo, type ReactNode, useMemo, useRef } from 'react';
import { get, useController, useWatch } from 'react-hook-form';
import { type ChoiceNode, isValueBranch, type Pointer, selectBranch } from '../../schemas/index';
import { BranchPicker } from '../layout/BranchPicker';
import { rhfDomId, useRhfContext, useRhfName } from './RhfContext';
import { placeAt, RhfBody, RhfNodeErrors } from './RhfNode';
import { branchDefault } from './requestOfValues';

export const RhfChoice = memo(function RhfChoice({
  node,
  pointer,
  indexes,
}: {
  node: ChoiceNode;
  pointer: Pointer;
  indexes: readonly number[];
}): ReactNode {
  const { control, idPrefix, disabled, readOnly } = useRhfContext();
  const name = useRhfName(pointer);
  const selected = useWatch({ control, name, compute: (value: unknown) => selectBranch(node, value) });
  const branch = node.branches.find((b) => b.id === selected) ?? node.branches[0];
  const nodes = useMemo(
    () => (branch ? placeAt(branch.node, pointer, node.discriminator) : []),
    [branch, pointer, node],
  );
  // A value branch's input takes the choice's id (it is the choice's value): the picker gets its own.
  const id = `${rhfDomId(idPrefix, name)}${node.branches.some(isValueBranch) ? '-choice' : ''}`;
  const locked = disabled || readOnly;
  const picker = locked ? (
    <BranchPicker node={node} id={id} selected={selected} locked onPick={() => {}} />
  ) : node.discriminator !== undefined ? (
    <DiscriminatorPicker node={node} name={name} id={id} selected={selected} />
  ) : (
    <KeyedPicker node={node} name={name} id={id} selected={selected} />
  );
  return (
    <div className="formulary-choice" data-name={name}>
      {picker}
      {node.description && <p className="formulary-choice__description">{node.description}</p>}
      <RhfNodeErrors name={name} id={`${id}-error`} />
      {branch && (
        <div className="formulary-choice__branch" key={branch.id}>
          {branch.node.description && <p>{branch.node.description}</p>}
          <RhfBody nodes={nodes} indexes={indexes} insideAdvanced={node.advanced} />
        </div>
      )}
    </div>
  );
});

/** The picker of a choice with a discriminator: picking a branch is a change of that field. */
function DiscriminatorPicker(props: {
  node: ChoiceNode;
  name: string;
  id: string;
  selected: string;
}): ReactNode {
  const { control } = useRhfContext();
  const { node } = props;
  const { onChange } = useController({ control, name: `${props.name}.${node.discriminator}` }).field;
  const onPick = (branchId: string) => {
    const next = node.branches.find((b) => b.id === branchId);
    if (next) onChange(next.discriminatorValue);
  };
  return <BranchPicker node={node} id={props.id} selected={props.selected} locked={false} onPick={onPick} />;
}

/**
 * The picker of a choice without a discriminator, where the keys say the branch: picking one puts that
 * branch's values in place of the current ones (its defaults the first time), through the host's
 * setValue. What was typed in the branch left is kept here, so switching back restores it. Without
 * the host's methods (see FormularyFields) the branch follows the values only: the host's setValue.
 */
function KeyedPicker(props: { node: ChoiceNode; name: string; id: string; selected: string }): ReactNode {
  const { control, methods } = useRhfContext();
  const { node, name, selected } = props;
  const left = useRef(new Map<string, unknown>());
  const onPick = (branchId: string) => {
    const next = node.branches.find((b) => b.id === branchId);
    if (!next || !methods || branchId === selected) return;
    left.current.set(selected, structuredClone(get(control._formValues, name)));
    // Every key of the branch is present (undefined where it has no default): the keys are what
    // select the branch, and a branch of fields without defaults would otherwise be {} and lose.
    const value =
      left.current.get(branchId) ??
      (isValueBranch(next)
        ? branchDefault(node, next)
        : {
            ...Object.fromEntries(next.node.children.map((child) => [child.key, undefined])),
            ...(branchDefault(node, next) as Record<string, unknown>),
          });
    methods.setValue(name, structuredClone(value), { shouldDirty: true });
  };
  return <BranchPicker node={node} id={props.id} selected={selected} locked={!methods} onPick={onPick} />;
}
