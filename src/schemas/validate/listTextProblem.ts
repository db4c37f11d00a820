/**
 * Run lists and number lists that a request keeps as text ("12345-12350, 12360"): a schema pattern
 * accepts the form, but only the parser knows that a range runs backwards or is over the run limit.
 * Both whole-request validation and validateField ask here, so the form, the CLI and a facility's
 * backend refuse the same text the widget refuses.
 */
import { parseNumberList } from '../coerce/parseNumberList';
import { parseRunList } from '../coerce/parseRunList';
import type { FieldNode } from '../FieldModel';

/** True for fields whose request value is list text that the parsers check. */
export function holdsListText(field: FieldNode): boolean {
  return (field.kind === 'runList' || field.kind === 'numberList') && field.listAs !== 'array';
}

/**
 * The parser's message for list text, or undefined when it reads well (or is empty: presence is the
 * required check's business). O(length of the text).
 * @example listTextProblem(runListField, '142012-142000') // 'The range 142012-142000 runs backwards: ...'
 */
export function listTextProblem(field: FieldNode, text: string): string | undefined {
  if (!holdsListText(field) || text.trim() === '') return undefined;
  const parsed =
    field.kind === 'runList'
      ? parseRunList(text, { allowEmpty: true })
      : parseNumberList(text, { allowEmpty: true });
  return parsed.ok ? undefined : parsed.message;
}
