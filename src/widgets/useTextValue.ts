/**
 * The text a user is typing versus the request value a widget reports: coerce on every edit, report
 * only valid values through onChange, report coercion messages through onTextError, and show the
 * message after the first blur (then live). An outside change of the value (reset, import) replaces
 * the text unless the text already means that value. No rendering here; widgets stay thin.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoerceResult } from '../schemas/index';
import type { WidgetProps } from './WidgetProps';

export interface TextValue {
  /** What the input shows. */
  readonly text: string;
  /** Call with the input's new text. */
  readonly setText: (text: string) => void;
  /** Call from the input's onBlur. */
  readonly onBlur: () => void;
  /** The coercion message to show now (after a blur), else undefined. */
  readonly textError: string | undefined;
  /** The coercion message whether shown yet or not. */
  readonly pendingError: string | undefined;
  /** The field has been left at least once. */
  readonly touched: boolean;
  /** The last valid value the text meant (the prop value until the user types). */
  readonly parsed: unknown;
}

/** Deep equality for request values (numbers, strings, small arrays, null). O(size). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  return false;
}

/**
 * Hold a widget's text. `parse` is called on non-empty text only; empty text becomes null (nullable
 * field), undefined (optional field) or `requiredEmpty` (required field: a message, or '' for text).
 */
export function useTextValue(
  props: WidgetProps,
  format: (value: unknown) => string,
  parse: (text: string) => CoerceResult<unknown>,
  requiredEmpty: CoerceResult<unknown>,
): TextValue {
  const { value, field, onChange, onTextError, onBlur: onBlurProp } = props;
  const [text, setTextState] = useState(() => format(value));
  const [error, setError] = useState<string | undefined>(undefined);
  const [touched, setTouched] = useState(false);
  // The value the current text means; compared with the prop to tell our own echo from an outside change.
  const meant = useRef<unknown>(value);
  const [seenValue, setSeenValue] = useState<unknown>(value);

  if (!sameValue(seenValue, value)) {
    // Adjusting state during render (React's documented pattern) avoids an extra effect pass.
    setSeenValue(value);
    if (!sameValue(meant.current, value)) {
      meant.current = value;
      setTextState(format(value));
      setError(undefined);
    }
  }

  // Report coercion messages after commit, never during render (the parent form holds that state).
  const reported = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (reported.current !== error) {
      reported.current = error;
      onTextError?.(error);
    }
  }, [error, onTextError]);

  const setText = useCallback(
    (next: string) => {
      setTextState(next);
      let result: CoerceResult<unknown>;
      if (next.trim() === '') {
        if (field.nullable) result = { ok: true, value: null };
        else if (!field.required) result = { ok: true, value: undefined };
        else result = requiredEmpty;
      } else {
        result = parse(next);
      }
      if (result.ok) {
        meant.current = result.value;
        setError(undefined);
        onChange(result.value);
      } else {
        setError(result.message);
      }
    },
    [field, parse, onChange, requiredEmpty],
  );

  const onBlur = useCallback(() => {
    setTouched(true);
    onBlurProp();
  }, [onBlurProp]);

  return {
    text,
    setText,
    onBlur,
    textError: touched ? error : undefined,
    pendingError: error,
    touched,
    parsed: meant.current,
  };
}
