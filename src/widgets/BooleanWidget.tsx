/**
 * On/off parameters (corrections, flags): a checkbox with role="switch", labelled by the field label,
 * Space toggles it. The stored value is a boolean; the state text ("On"/"Off") is visible too so the
 * meaning does not rest on the box alone.
 */

import { memo, type ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';
import { useT } from './LocaleContext';
import type { WidgetProps } from './WidgetProps';

/** A boolean toggle. */
export const BooleanWidget = memo(function BooleanWidget(props: WidgetProps): ReactNode {
  const t = useT();
  const checked = props.value === true;
  const readOnly = props.readOnly === true || props.field.readOnly;
  return (
    <FieldFrame widget="boolean" props={props}>
      {(aria) => (
        <span className="formulary-widget__switch">
          <input
            aria-describedby={aria['aria-describedby']}
            aria-invalid={aria['aria-invalid']}
            aria-readonly={readOnly ? true : undefined}
            disabled={aria.disabled}
            id={props.id}
            ref={props.inputRef}
            type="checkbox"
            role="switch"
            aria-checked={checked}
            className="formulary-widget__checkbox"
            checked={checked}
            onChange={(event) => {
              // A read-only checkbox cannot be made inert with the readOnly attribute; refuse the change.
              if (!readOnly) props.onChange(event.currentTarget.checked);
            }}
            onBlur={props.onBlur}
          />
          <span className="formulary-widget__switch-state" aria-hidden="true">
            {t(checked ? 'widget.on' : 'widget.off')}
          </span>
        </span>
      )}
    </FieldFrame>
  );
});
