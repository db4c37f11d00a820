/**
 * The explicit "unset" state for fields whose schema allows null: wraps any widget with an "Unset"
 * checkbox beside its label. Ticking it stores null (and disables the input); unticking restores the
 * value from before, else the default, else leaves the input empty and asks for a value. Empty text
 * while set is a message, not a silent null: unset is always a visible choice.
 */

import { type ComponentType, memo, type ReactNode, useCallback, useRef, useState } from 'react';
import type { FieldNode } from '../schemas/index';
import { translate } from '../schemas/index';
import { useT } from './LocaleContext';
import type { ChangeHow, WidgetComponent, WidgetProps } from './WidgetProps';
import { UNSET_WRAPPED } from './widgetState';

const wrapped = new WeakMap<ComponentType<WidgetProps>, WidgetComponent>();
const nonNullable = new WeakMap<FieldNode, FieldNode>();

/** The English message of a nullable field left empty while editing (widget.enterOrUnset). */
export const ENTER_OR_UNSET = translate('en', 'widget.enterOrUnset');

/** The same field without null, so the inner widget treats empty text as missing, not as unset. */
function withoutNull(field: FieldNode): FieldNode {
  let copy = nonNullable.get(field);
  if (copy === undefined) {
    // required: empty text asks for a value (or Unset) instead of silently dropping the key.
    copy = { ...field, nullable: false, required: true, hints: { ...field.hints, [UNSET_WRAPPED]: true } };
    nonNullable.set(field, copy);
  }
  return copy;
}

/**
 * Wrap a widget with the "Unset" toggle. The wrapper is cached per inner widget, so React sees a stable
 * component type (no remount on re-render). O(1).
 */
export function withNullable(Inner: WidgetComponent): WidgetComponent {
  const cached = wrapped.get(Inner);
  if (cached !== undefined) return cached;
  const Nullable = memo(function NullableWidget(props: WidgetProps): ReactNode {
    const t = useT();
    const { field, value, onChange, onTextError } = props;
    const previous = useRef<unknown>(value === null || value === undefined ? undefined : value);
    if (value !== null && value !== undefined) previous.current = value;
    // "editing": the user unticked Unset but has not typed a value yet (value is still null).
    // Text kept from before an unmount (WidgetProps.keptText) over a null value was being typed: the
    // input stays open. Over a real value the input is open anyway, and "editing" would hide that
    // value from the inner widget, which then took its next render for an outside change to nothing.
    const [editing, setEditing] = useState(props.keptText !== undefined && value === null);
    // The value typed since "editing" began. The form does not re-render a field for what its own
    // input shows (ChangeHow.typed), so the prop stays null until some later render: without this the
    // field went on asking "Enter a value, or tick Unset" (and was marked invalid) over a typed value.
    const [typed, setTyped] = useState<unknown>(undefined);
    const [seen, setSeen] = useState<unknown>(value);
    if (!Object.is(seen, value)) {
      setSeen(value);
      if (editing) setEditing(false);
      if (typed !== undefined) setTyped(undefined);
    }
    const element = useRef<HTMLElement | null>(null);
    const { inputRef } = props;
    const setElement = useCallback(
      (el: HTMLElement | null) => {
        element.current = el;
        const cleanup = inputRef?.(el);
        // Pass the caller's ref cleanup on, so React 19 calls it instead of calling us with null.
        if (typeof cleanup !== 'function') return undefined;
        return () => {
          element.current = null;
          cleanup();
        };
      },
      [inputRef],
    );
    const unset = value === null && !editing;
    // Whether we told the form "enter a value or unset", so the first real value clears it.
    const asked = useRef(false);
    const change = useCallback(
      (next: unknown, how?: ChangeHow) => {
        if (asked.current) {
          asked.current = false;
          onTextError?.(undefined);
        }
        // A typed value may not come back as a prop (see ChangeHow): remember it for "untick Unset".
        if (next !== null && next !== undefined) previous.current = next;
        if (editing) setTyped(next ?? undefined);
        onChange(next, how);
      },
      [onChange, onTextError, editing],
    );

    function toggle(nextUnset: boolean): void {
      if (nextUnset) {
        setEditing(false);
        setTyped(undefined);
        change(null);
        return;
      }
      const restored = previous.current ?? (field.default === null ? undefined : field.default);
      if (restored !== undefined) {
        change(restored);
        return;
      }
      setEditing(true);
      asked.current = true;
      onTextError?.(t('widget.enterOrUnset'));
      // Focus after the input is enabled in the next commit.
      queueMicrotask(() => element.current?.focus());
    }

    const toggleId = `${props.id}-unset`;
    const adornment = (
      <>
        {props.adornment}
        <span className="formulary-widget__unset">
          <input
            id={toggleId}
            type="checkbox"
            checked={unset}
            disabled={props.disabled === true || props.readOnly === true || field.readOnly}
            aria-label={
              props.nameRef === undefined
                ? t('widget.unsetLabel', { label: props.label ?? field.label })
                : undefined
            }
            aria-labelledby={props.nameRef === undefined ? undefined : `${toggleId}-name ${props.nameRef}`}
            onChange={(event) => toggle(event.currentTarget.checked)}
          />
          <label htmlFor={toggleId} aria-hidden="true">
            {t('widget.unset')}
          </label>
          {props.nameRef !== undefined && (
            <span id={`${toggleId}-name`} hidden>
              {t('widget.unsetLabel', { label: props.label ?? field.label })},
            </span>
          )}
        </span>
      </>
    );
    return (
      <Inner
        {...props}
        field={withoutNull(field)}
        onChange={change}
        value={editing ? typed : value}
        disabled={props.disabled === true || unset}
        adornment={adornment}
        inputRef={setElement}
        error={
          unset
            ? props.error
            : (props.error ?? (editing && typed === undefined ? t('widget.enterOrUnset') : undefined))
        }
      />
    );
  });
  wrapped.set(Inner, Nullable);
  return Nullable;
}
