/**
 * Enums with many options as a native <select>: keyboard and screen-reader behaviour come from the
 * browser. With no value yet, a "Choose…" placeholder option is shown rather than silently picking the
 * first option.
 */

import { memo, type ReactNode } from 'react';
import { enumOptions, keyOf } from './enumOptions';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { useT } from './LocaleContext';
import type { WidgetProps } from './WidgetProps';

/** An enum as a select. */
export const SelectWidget = memo(function SelectWidget(props: WidgetProps): ReactNode {
  const options = enumOptions(props.field);
  const say = useT();
  const selected = keyOf(options, props.value);
  const hasOther = selected === undefined && props.value !== undefined && props.value !== null;
  const readOnly = props.readOnly === true || props.field.readOnly;
  return (
    <FieldFrame
      widget="select"
      props={props}
      textError={hasOther ? say('widget.notAnOption', { value: formatAnyValue(props.value) }) : undefined}
    >
      {(aria) => (
        <select
          aria-describedby={aria['aria-describedby']}
          aria-invalid={aria['aria-invalid']}
          aria-readonly={readOnly ? true : undefined}
          disabled={aria.disabled}
          id={props.id}
          ref={props.inputRef}
          className="formulary-widget__input formulary-widget__select"
          value={selected ?? (hasOther ? 'other' : '')}
          onChange={(event) => {
            if (readOnly) return;
            const option = options.find((o) => o.key === event.currentTarget.value);
            if (option !== undefined) props.onChange(option.value);
          }}
          onBlur={props.onBlur}
        >
          {selected === undefined && !hasOther && (
            <option value="" disabled>
              {say('widget.choose')}
            </option>
          )}
          {hasOther && (
            <option value="other" disabled>
              {formatAnyValue(props.value)}
            </option>
          )}
          {options.map((option) => (
            <option key={option.key} value={option.key} disabled={readOnly && option.key !== selected}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
});
