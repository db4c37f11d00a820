/**
 * A choice (oneOf/anyOf with distinct branches, e.g. the job: average the scans or reduce each alone)
 * as a segmented control (radio group) for up to four branches, else a select. Only the selected
 * branch is rendered; every branch's values stay in the form, so switching back restores them.
 */
import { memo, type ReactNode, useMemo, useRef, useState } from 'react';
import { type ChoiceNode, isValueBranch } from '../../schemas/index';
import { useT } from '../../widgets/index';
import { branchName, type StoragePath } from '../engine/storagePath';
import { domId, useFormContextValue } from '../FormContext';
import { useStoredValue } from '../fields/useStoredValue';
import { useRenderCount } from '../renderCount';
import { BranchPicker } from './BranchPicker';
import { GroupBody, placeChildren } from './GroupBody';
import { NodeErrors } from './NodeErrors';
import { useFocusTarget } from './useFocusTarget';

export const ChoiceView = memo(function ChoiceView({
  node,
  path,
}: {
  node: ChoiceNode;
  path: StoragePath;
}): ReactNode {
  useRenderCount(`choice:${path}`);
  const { engine, idPrefix, disabled, readOnly } = useFormContextValue();
  const selected = (useStoredValue(branchName(path)) as string | undefined) ?? node.defaultBranch;
  const branch = node.branches.find((b) => b.id === selected) ?? node.branches[0];
  const nodes = useMemo(
    () => (branch ? placeChildren(branch.node, path, node.discriminator) : []),
    [branch, path, node],
  );
  // A value branch's input is stored at this path and takes its id: the picker gets its own.
  const mixed = node.branches.some(isValueBranch);
  const id = `${domId(idPrefix, path)}${mixed ? '-choice' : ''}`;
  const root = useRef<HTMLDivElement>(null);
  useFocusTarget(path, root);
  const locked = disabled || readOnly;
  const t = useT();
  // A switch between a value and fields says that the branch left is kept but not sent.
  const [left, setLeft] = useState<string | null>(null);
  const pick = (id: string) => {
    if (mixed && id !== selected) setLeft(branch?.label ?? null);
    engine.selectBranch(path, id);
  };
  const changedBranch = selected !== node.defaultBranch;
  // A top-level choice is its own section, headed with its label (sectionsOf): the picker's own label
  // is then for screen readers only, not said twice on screen.
  const labelClass =
    path.lastIndexOf('/') === 0 && node.group === undefined ? 'formulary-visually-hidden' : undefined;
  const picker = (
    <BranchPicker
      node={node}
      id={id}
      selected={selected}
      locked={locked}
      onPick={pick}
      labelClass={labelClass}
      describedBy={node.description ? `${id}-description` : undefined}
    />
  );
  return (
    <div
      ref={root}
      tabIndex={-1}
      className="formulary-choice"
      data-path={path}
      data-changed={changedBranch ? 'true' : undefined}
    >
      {picker}
      {node.description && (
        <p id={`${id}-description`} className="formulary-choice__description">
          {node.description}
        </p>
      )}
      <NodeErrors path={path} id={`${id}-error`} />
      {left !== null && branch && left !== branch.label && (
        <p className="formulary-choice__kept" role="status">
          {t('form.choice.keptNotSent', { branch: left, chosen: branch.label })}
        </p>
      )}
      {branch && (
        <div className="formulary-choice__branch" key={branch.id}>
          {branch.node.description && <p>{branch.node.description}</p>}
          <GroupBody
            nodes={nodes}
            partKey={`${path}~${branch.id}`}
            insideAdvanced={node.advanced}
            label={branch.label}
          />
        </div>
      )}
    </div>
  );
});
