/**
 * Enums with few options (up to four) as radio buttons in a fieldset: every choice visible at once,
 * arrow keys move between them. A value that is not one of the options is shown, not hidden.
 */

import { memo, type ReactNode } from 'react';
import { enumOptions, keyOf } from './enumOptions';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { useT } from './LocaleContext';
import type { WidgetProps } from './WidgetProps';

/** An enum as radio buttons. */
export const RadioWidget = memo(function RadioWidget(props: WidgetProps): ReactNode {
  const options = enumOptions(props.field);
  const say = useT();
  const selected = keyOf(options, props.value);
  const unknown =
    selected === undefined && props.value !== undefined && props.value !== null
      ? say('widget.notAnOption', { value: formatAnyValue(props.value) })
      : undefined;
  const readOnly = props.readOnly === true || props.field.readOnly;
  return (
    <FieldFrame widget="radio" props={props} group textError={unknown}>
      {(aria) => (
        <div className="formulary-widget__options">
          {options.map((option, i) => {
            const optionId = i === 0 ? props.id : `${props.id}-${option.key}`;
            return (
              <label key={option.key} className="formulary-widget__option" htmlFor={optionId}>
                <input
                  aria-describedby={aria['aria-describedby']}
                  aria-invalid={aria['aria-invalid']}
                  disabled={aria.disabled || (readOnly && selected !== option.key)}
                  id={optionId}
                  ref={i === 0 ? props.inputRef : undefined}
                  type="radio"
                  name={props.id}
                  value={option.key}
                  checked={selected === option.key}
                  onChange={() => {
                    if (!readOnly) props.onChange(option.value);
                  }}
                  onBlur={props.onBlur}
                />
                {option.label}
              </label>
            );
          })}
        </div>
      )}
    </FieldFrame>
  );
});
