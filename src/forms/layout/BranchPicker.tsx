/**
 * How a choice's branch is picked, the same in SubmissionForm (ChoiceView) and in a react-hook-form
 * host (rhf/RhfChoice): radio buttons for up to four branches, else a select. It only shows and
 * reports the pick: what picking does (the engine's selectBranch, a discriminator's controller, the
 * host's setValue) is the caller's.
 */
import type { ReactNode } from 'react';
import type { ChoiceNode } from '../../schemas/index';

export interface BranchPickerProps {
  readonly node: ChoiceNode;
  readonly id: string;
  readonly selected: string;
  readonly locked: boolean;
  readonly onPick: (branchId: string) => void;
  /** The class of the picker's label (visually hidden where a section heading already says it). */
  readonly labelClass?: string;
  /** The id of the choice's description, read with the radio group. */
  readonly describedBy?: string;
}

/** Radio buttons for up to four branches, else a select. */
export function BranchPicker({
  node,
  id,
  selected,
  locked,
  onPick,
  labelClass,
  describedBy,
}: BranchPickerProps): ReactNode {
  return node.branches.length <= 4 ? (
    <fieldset className="formulary-choice__options" id={id} aria-describedby={describedBy}>
      <legend className={labelClass}>{node.label}</legend>
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
      <label htmlFor={id} className={labelClass}>
        {node.label}
      </label>
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
