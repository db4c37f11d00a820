/**
 * The frame every widget renders inside: label (or legend), description, the control, units, hint and
 * error, with the ids that tie them together and the data-state tokens. One place, so all widgets are
 * labelled and described the same way. Holds no state and no value logic.
 */
import type { ReactNode } from 'react';
import type { WidgetProps } from './WidgetProps';
import { joinIds, UNSET_WRAPPED, widgetIds, widgetState } from './widgetState';

/** What the frame hands the control: spread onto the focusable input(s). */
export interface ControlAria {
  readonly 'aria-labelledby'?: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': boolean | undefined;
  readonly disabled: boolean | undefined;
  readonly readOnly: boolean | undefined;
}

export interface FieldFrameProps {
  /** Registry name, written to data-widget. */
  readonly widget: string;
  readonly props: WidgetProps;
  /** The widget's own coercion message, when it should be visible. */
  readonly textError?: string | undefined;
  /** Always-visible guidance (limits, run count); `hintWarn` styles it as a warning. */
  readonly hint?: ReactNode;
  readonly hintWarn?: boolean;
  /** Shown after the control. */
  readonly units?: string | undefined;
  /** A fieldset with a legend (radio groups, binning) instead of a label for one input. */
  readonly group?: boolean;
  /** Show the "unset" state even when value is not null (the nullable wrapper decides). */
  readonly unset?: boolean;
  /** Rendered between the label row and the control (the nullable wrapper's toggle). */
  readonly before?: ReactNode;
  readonly children: (aria: ControlAria) => ReactNode;
}

/** Render a widget's frame around its control. */
export function FieldFrame(frame: FieldFrameProps): ReactNode {
  const { props, textError, hint, units, group = false } = frame;
  const { field, id } = props;
  const ids = widgetIds(id);
  const ownError = textError ?? (props.errorId === undefined ? props.error : undefined);
  const hasError = ownError !== undefined || props.error !== undefined;
  const description = props.hideDescription === true ? undefined : field.description;
  const readOnly = props.readOnly === true || field.readOnly;
  const describedBy = joinIds(
    description !== undefined && ids.description,
    hint !== undefined && hint !== null && hint !== false && ids.hint,
    ownError !== undefined && ids.error,
    props.errorId !== undefined && props.error !== undefined && props.errorId,
    props.describedBy,
  );
  // In a list row the visible label plus the row ("Run number, row 2"); without a visible label the
  // caller names the control itself (a table cell's hidden label).
  const labelledBy =
    props.nameRef !== undefined && props.hideLabel !== true && !group
      ? `${ids.label} ${props.nameRef}`
      : undefined;
  const aria: ControlAria = {
    ...(labelledBy ? { 'aria-labelledby': labelledBy } : {}),
    'aria-describedby': describedBy,
    'aria-invalid': hasError ? true : undefined,
    disabled: props.disabled === true ? true : undefined,
    readOnly: readOnly ? true : undefined,
  };
  const labelText = props.label ?? field.label;
  // Null is a valid answer for a nullable field (also inside the Unset wrapper): nothing is required.
  const required = field.required && !field.nullable && field.hints[UNSET_WRAPPED] !== true;
  const labelContent = (
    <>
      {labelText}
      {props.nameRef !== undefined && <span className="formulary-visually-hidden">,</span>}
      {required && (
        <span className="formulary-widget__required" aria-hidden="true">
          {' *'}
        </span>
      )}
    </>
  );
  // A legend names its fieldset only as the fieldset's first child, so it is never wrapped.
  const legend =
    group && props.hideLabel !== true ? (
      <legend id={ids.label} className="formulary-widget__label">
        {labelContent}
      </legend>
    ) : null;
  const showHead = (!group && props.hideLabel !== true) || props.adornment !== undefined;
  const head = showHead ? (
    <div className="formulary-widget__head">
      {!group && props.hideLabel !== true && (
        <label id={ids.label} htmlFor={id} className="formulary-widget__label">
          {labelContent}
        </label>
      )}
      {props.adornment}
    </div>
  ) : null;
  const body = (
    <>
      {head}
      {description !== undefined && (
        <p id={ids.description} className="formulary-widget__description">
          {description}
        </p>
      )}
      {frame.before}
      <div className="formulary-widget__control">
        {frame.children(aria)}
        {units !== undefined && units !== '' && <span className="formulary-widget__units">{units}</span>}
      </div>
      {hint !== undefined && hint !== null && hint !== false && (
        <p
          id={ids.hint}
          className="formulary-widget__hint"
          data-warn={frame.hintWarn === true ? 'true' : undefined}
          aria-live="polite"
        >
          {hint}
        </p>
      )}
      {ownError !== undefined && (
        <p id={ids.error} className="formulary-widget__error">
          {ownError}
        </p>
      )}
    </>
  );
  const rootProps = {
    className: 'formulary-widget',
    'data-widget': frame.widget,
    'data-kind': field.kind,
    'data-pointer': field.pointer,
    'data-state': widgetState(props, hasError, frame.unset ?? props.value === null),
  };
  return group ? (
    // No fieldset `disabled`: it would also disable the "Unset" toggle beside the legend.
    <fieldset {...rootProps}>
      {legend}
      {body}
    </fieldset>
  ) : (
    <div {...rootProps}>{body}</div>
  );
}
