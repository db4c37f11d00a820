/**
 * A choice (oneOf/anyOf with distinct branches) of <FormularyFields>: a segmented control for up to
 * four branches, else a select; only the selected branch is rendered. The branch is what the values
 * select (schemas' selectBranch: the discriminator, else the best-fitting keys), watched through
 * useWatch's compute so a keystroke inside a branch renders nothing here. Picking a branch sets the
 * discriminator (through its controller) and each field of the branch starts at its default when the
 * values have none; other keys stay, so switching back restores them (the resolver sends only the
 * selected branch, as SubmissionForm does).
 */
import { memo, type ReactNode, useMemo } from 'react';
import { useController, useWatch } from 'react-hook-form';
import { type ChoiceNode, type Pointer, selectBranch } from '../../schemas/index';
import { rhfDomId, useRhfContext, useRhfName } from './RhfContext';
import { placeAt, RhfBody, RhfNodeErrors } from './RhfNode';

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
  const id = rhfDomId(idPrefix, name);
  // Without a discriminator the keys say the branch; switching is left to the host's setValue.
  const locked = disabled || readOnly;
  const picker =
    node.discriminator !== undefined && !locked ? (
      <DiscriminatorPicker node={node} name={name} id={id} selected={selected} />
    ) : (
      <BranchPicker node={node} id={id} selected={selected} locked onPick={() => {}} />
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

/** Radio buttons for up to four branches, else a select. */
function BranchPicker({
  node,
  id,
  selected,
  locked,
  onPick,
}: {
  node: ChoiceNode;
  id: string;
  selected: string;
  locked: boolean;
  onPick: (branchId: string) => void;
}): ReactNode {
  return node.branches.length <= 4 ? (
    <fieldset className="formulary-choice__options" id={id}>
      <legend>{node.label}</legend>
      {node.branches.map((b) => (
        <label
          key={b.id}
          className="formulary-choice__option"
          data-selected={b.id === selected ? 'true' : undefined}
        >
          <input
            id={`${id}-branch-${b.id.replace(/[^A-Za-z0-9_-]/g, '_')}`}
            type="radio"
            name={`${id}-branch`}
            value={b.id}
            checked={b.id === selected}
            disabled={locked}
            onChange={() => onPick(b.id)}
          />
          {b.label}
        </label>
      ))}
    </fieldset>
  ) : (
    <div className="formulary-choice__select">
      <label htmlFor={id}>{node.label}</label>
      <select id={id} value={selected} disabled={locked} onChange={(e) => onPick(e.currentTarget.value)}>
        {node.branches.map((b) => (
          <option key={b.id} value={b.id}>
            {b.label}
          </option>
        ))}
      </select>
    </div>
  );
}
