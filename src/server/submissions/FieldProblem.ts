/**
 * One reason a request was refused, as the 422 lists it: the field's pointer, its label, the very
 * message the form shows beside it, and the rule that failed.
 */
import {
  type FieldModel,
  templateOf,
  unescapePointerSegment,
  type ValidationError,
} from '../../schemas/index';

export interface FieldProblem {
  readonly pointer: string;
  readonly label: string;
  readonly message: string;
  readonly rule: string;
}

/** The label the form shows for `pointer`; for a key the schema has no field for, the key itself. */
export function fieldProblem(model: FieldModel, error: ValidationError): FieldProblem {
  const node = model.byPointer.get(templateOf(model, error.pointer));
  const lastKey = error.pointer.slice(error.pointer.lastIndexOf('/') + 1);
  const label = node?.label ?? (error.pointer === '' ? 'request' : unescapePointerSegment(lastKey));
  return { pointer: error.pointer, label, message: error.message, rule: error.rule };
}
