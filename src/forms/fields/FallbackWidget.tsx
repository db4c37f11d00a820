/**
 * The input the form uses for a field when no registry widget claims it (or before the widget
 * registry is wired): a labelled text box, checkbox or select implementing WidgetProps. Kept plain on
 * purpose; real widgets come from src/widgets. Never turns text that is not a value into one.
 */

import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
import { say, translate, withLocale } from '../../schemas/index';
import type { WidgetProps } from '../../widgets/index';
import { useLocale } from '../../widgets/index';

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function fromText(props: WidgetProps, text: string, locale: string): { value?: unknown; message?: string } {
  return withLocale(locale, () => fromTextInLocale(props, text));
}

function fromTextInLocale(props: WidgetProps, text: string): { value?: unknown; message?: string } {
  const { field } = props;
  const trimmed = text.trim();
  if (trimmed === '') {
    if (field.nullable) return { value: null };
    return field.required ? { message: say('widget.enterValue') } : { value: undefined };
  }
  if (field.kind === 'number' || field.kind === 'integer') {
    if (!NUMBER_TEXT.test(trimmed)) return { message: say('coerce.number.invalid', { text: trimmed }) };
    const n = Number(trimmed);
    if (field.kind === 'integer' && !Number.isInteger(n))
      return { message: say('coerce.number.notWhole', { text: trimmed }) };
    return { value: n };
  }
  if (field.kind === 'json') {
    try {
      return { value: JSON.parse(trimmed) };
    } catch {
      return { message: say('widget.notJson') };
    }
  }
  return { value: text };
}

/** A generic input for any field kind. */
export const FallbackWidget = memo(function FallbackWidget(props: WidgetProps): ReactNode {
  const { field, id } = props;
  const locale = useLocale();
  const [text, setText] = useState(() => props.keptText ?? toText(props.value));
  const [textError, setTextError] = useState(() =>
    props.keptText === undefined ? undefined : fromText(props, props.keptText, locale).message,
  );
  // Only an outside change of the value replaces the text (not the mount: kept text stays).
  const lastValue = useRef(props.value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: props other than value do not change the text
  useEffect(() => {
    if (Object.is(lastValue.current, props.value)) return;
    lastValue.current = props.value;
    setText((current) =>
      fromText(props, current, locale).value === props.value ? current : toText(props.value),
    );
  }, [props.value]);
  const errorId = `${id}-error`;
  const shown = textError ?? props.error;
  const describedBy = [
    field.description ? `${id}-description` : '',
    shown ? errorId : '',
    props.describedBy ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    ref: props.inputRef as (el: HTMLElement | null) => void,
    disabled: props.disabled,
    'aria-invalid': shown ? true : undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: props.onBlur,
  };
  let control: ReactNode;
  if (field.kind === 'boolean') {
    control = (
      <input
        {...common}
        type="checkbox"
        checked={props.value === true}
        readOnly={props.readOnly}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
    );
  } else if (field.enum) {
    const options = field.enum;
    const selected = options.indexOf(props.value);
    control = (
      <select
        {...common}
        value={selected < 0 ? '' : String(selected)}
        onChange={(e) =>
          props.onChange(e.currentTarget.value === '' ? null : options[Number(e.currentTarget.value)])
        }
      >
        {(field.nullable || selected < 0) && (
          <option value="">{translate(locale, 'widget.unsetOption')}</option>
        )}
        {options.map((o, i) => (
          <option key={String(o)} value={String(i)}>
            {field.enumLabels?.[i] ?? String(o)}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        value={text}
        readOnly={props.readOnly}
        placeholder={field.placeholder}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = fromText(props, next, locale);
          setTextError(parsed.message);
          props.onTextError?.(parsed.message);
          if (parsed.message === undefined) props.onChange(parsed.value);
        }}
      />
    );
  }
  return (
    <div
      className="formulary-widget"
      data-widget="fallback"
      data-pointer={field.pointer}
      data-state={props.changed ? 'changed' : 'default'}
    >
      <div className="formulary-widget__head">
        {props.hideLabel ? null : <label htmlFor={id}>{props.label ?? field.label}</label>}
        {props.adornment}
      </div>
      {field.description && !props.hideDescription && <p id={`${id}-description`}>{field.description}</p>}
      {control}
      {field.units && <span className="formulary-widget__units">{field.units}</span>}
      {shown && (
        <p id={errorId} className="formulary-widget__error">
          {shown}
        </p>
      )}
    </div>
  );
});
