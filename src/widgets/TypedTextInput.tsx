/**
 * The text <input> shared by the widgets whose value is typed as text and converted (numbers, run
 * lists, number lists, paths, date-times): uncontrolled, its text kept by useTextValue, the aria
 * wiring from FieldFrame, no spell check or autocomplete on values that are not prose. The widgets differ
 * only in the modifier class, the placeholder and the keyboard (inputMode).
 */
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import type { ControlAria } from './FieldFrame';
import type { TextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

export interface TypedTextInputProps {
  readonly aria: ControlAria;
  readonly props: WidgetProps;
  readonly text: TextValue<unknown>;
  /** BEM modifier of formulary-widget__input, e.g. "runs". */
  readonly modifier: string;
  readonly placeholder: string | undefined;
  readonly inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  readonly onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

export function TypedTextInput({
  aria,
  props,
  text,
  modifier,
  placeholder,
  inputMode,
  onKeyDown,
}: TypedTextInputProps): ReactNode {
  return (
    <input
      {...aria}
      id={props.id}
      {...text.input}
      type="text"
      inputMode={inputMode}
      onKeyDown={onKeyDown}
      autoComplete="off"
      spellCheck={false}
      className={`formulary-widget__input formulary-widget__input--${modifier}`}
      placeholder={placeholder}
    />
  );
}
