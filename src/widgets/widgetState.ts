/**
 * The data-state tokens and aria wiring shared by all widgets, as plain functions (no JSX) so every
 * widget states "changed", "error", "unset", "disabled" and "read-only" the same way.
 */
import type { WidgetProps } from './WidgetProps';

/** Hint key marking a field copy inside the Unset wrapper (the frame then shows no required mark). */
export const UNSET_WRAPPED = 'formulary:unsetWrapped';

/** The space-separated `data-state` value of a widget's root, "default" when nothing else applies. */
export function widgetState(props: WidgetProps, hasError: boolean, unset = props.value === null): string {
  const tokens: string[] = [];
  if (props.changed === true) tokens.push('changed');
  if (hasError) tokens.push('error');
  if (unset) tokens.push('unset');
  if (props.disabled === true) tokens.push('disabled');
  if (props.readOnly === true || props.field.readOnly) tokens.push('readonly');
  return tokens.length === 0 ? 'default' : tokens.join(' ');
}

/** Ids of a widget's own elements, derived from its input id. */
export function widgetIds(id: string): { hint: string; error: string; description: string; label: string } {
  return { hint: `${id}-hint`, error: `${id}-error`, description: `${id}-description`, label: `${id}-label` };
}

/** Join the ids that are present into one aria-describedby value (undefined when none). */
export function joinIds(...ids: readonly (string | false | undefined)[]): string | undefined {
  const present = ids.filter((x): x is string => typeof x === 'string' && x !== '');
  return present.length === 0 ? undefined : present.join(' ');
}
