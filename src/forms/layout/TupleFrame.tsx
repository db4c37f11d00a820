/**
 * What a fixed-position list (a tuple) looks like, the same in SubmissionForm (TupleView) and in a
 * react-hook-form host (rhf/RhfTuple): a fieldset with its label, description and a note saying how
 * many values it takes in which order, the tuple's own errors, its positions side by side, then an
 * open tuple's further items. Which inputs, errors and rows fill it is the caller's.
 */
import type { ReactNode, RefObject } from 'react';
import type { GroupNode, ModelNode } from '../../schemas/index';
import { useT } from '../../widgets/index';

/** Positions in array order whatever their x-order: the position is the meaning. */
export function byPosition(a: { node: ModelNode }, b: { node: ModelNode }): number {
  return Number(a.node.key) - Number(b.node.key);
}

export interface TupleFrameProps {
  readonly node: GroupNode;
  /** The fieldset's id; its note, description and errors take ids after it. */
  readonly id: string;
  readonly positionCount: number;
  readonly frameRef?: RefObject<HTMLFieldSetElement | null>;
  /** The tuple's own errors (minItems, a rule on the whole array), shown above the positions. */
  readonly errors: ReactNode;
  /** One input (or group) per position, in order. */
  readonly children: ReactNode;
  /** An open tuple's items after the positions: a list of rows. */
  readonly rest?: ReactNode;
}

export function TupleFrame(props: TupleFrameProps): ReactNode {
  const { node, id } = props;
  const t = useT();
  return (
    <fieldset
      ref={props.frameRef}
      tabIndex={-1}
      id={id}
      className="formulary-group formulary-tuple"
      aria-describedby={`${id}-positions${node.description ? ` ${id}-description` : ''}`}
    >
      <legend>{node.label}</legend>
      {node.description && <p id={`${id}-description`}>{node.description}</p>}
      <p id={`${id}-positions`} className="formulary-tuple-note">
        {t(node.rest ? 'form.tupleOpenNote' : 'form.tupleNote', { count: props.positionCount })}
      </p>
      {props.errors}
      <div className="formulary-tuple-positions">{props.children}</div>
      {props.rest}
    </fieldset>
  );
}
