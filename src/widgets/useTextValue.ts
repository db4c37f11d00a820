/**
 * The text a user is typing versus the request value a widget reports: coerce on every edit, report
 * only valid values through onChange, report coercion messages through onTextError, and show the
 * message after the first blur (then live). The input is uncontrolled: its text lives in the DOM, so a
 * keystroke re-renders nothing unless what the widget shows (message, hint: its `view`) changes. An
 * outside change of the value (reset, import) replaces the text unless the text already means it.
 */
import {
  type ChangeEvent,
  type RefCallback,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { type CoerceResult, withLocale } from '../schemas/index';
import { useLocale } from './LocaleContext';
import type { WidgetProps } from './WidgetProps';

/** What a widget may derive its view from, on each edit. */
export interface TextState {
  /** What the input shows. */
  readonly text: string;
  /** The last valid value the text meant (the prop value until the user types). */
  readonly parsed: unknown;
  /** The coercion message whether shown yet or not. */
  readonly pendingError: string | undefined;
  /** The field has been left at least once. */
  readonly touched: boolean;
}

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/** Spread onto the <input> or <textarea>: uncontrolled, with the text the value means at mount. */
export interface TextInputProps {
  readonly defaultValue: string;
  readonly ref: RefCallback<TextElement>;
  readonly onChange: (event: ChangeEvent<TextElement>) => void;
  readonly onBlur: () => void;
}

export interface TextValue<V> {
  readonly input: TextInputProps;
  /** Puts `next` in the input as if typed (an arrow-key step): coerced and reported like an edit. */
  readonly replaceText: (next: string) => void;
  /** The coercion message to show now (after a blur), else undefined. */
  readonly textError: string | undefined;
  /** What the widget shows beside the input, from `view` (undefined without one). */
  readonly view: V;
}

const TYPED = { typed: true } as const;

/** Deep equality for request values (numbers, strings, small arrays, null). O(size). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  return false;
}

/** Equal views re-render nothing: primitives by identity, plain objects field by field. */
function sameView(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** What `text` means for the field: empty text by nullability and requiredness, else `parse`. */
function coerceText(
  text: string,
  field: WidgetProps['field'],
  parse: (text: string) => CoerceResult<unknown>,
  requiredEmpty: CoerceResult<unknown>,
): CoerceResult<unknown> {
  if (text.trim() !== '') return parse(text);
  if (field.nullable) return { ok: true, value: null };
  if (!field.required) return { ok: true, value: undefined };
  return requiredEmpty;
}

const messageOf = (result: CoerceResult<unknown>) => (result.ok ? undefined : result.message);

interface Shown<V> {
  readonly error: string | undefined;
  readonly touched: boolean;
  readonly view: V;
}

/**
 * Hold a widget's text. `parse` is called on non-empty text only; empty text becomes null (nullable
 * field), undefined (optional field) or `requiredEmpty` (required field: a message, or '' for text).
 * `view` derives what the widget shows from the text state; keep it cheap, it runs on every edit.
 */
export function useTextValue<V = undefined>(
  props: WidgetProps,
  format: (value: unknown) => string,
  parse: (text: string) => CoerceResult<unknown>,
  requiredEmpty: CoerceResult<unknown>,
  view?: (state: TextState) => V,
): TextValue<V> {
  const { value, field, onChange, onTextError, onBlur: onBlurProp, inputRef } = props;
  // The parsers word their messages in the form's language (withLocale: they run synchronously).
  const locale = useLocale();
  const parseInLocale = useCallback((text: string) => withLocale(locale, () => parse(text)), [locale, parse]);
  const element = useRef<TextElement | null>(null);
  // Text kept from before an unmount (WidgetProps.keptText) comes back with its message, shown at once.
  const [initialText] = useState(() => props.keptText ?? format(value));
  const [initialError] = useState(() =>
    props.keptText === undefined
      ? undefined
      : messageOf(coerceText(props.keptText, field, parseInLocale, requiredEmpty)),
  );
  // What the DOM text means, and the text itself: compared with the prop to tell our own echo from an
  // outside change, and read by `view`.
  const meant = useRef<unknown>(value);
  const text = useRef(initialText);
  // Text an outside change put in while rendering; written to the DOM after commit.
  const pendingText = useRef<string | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  const [shown, setShown] = useState<Shown<V>>(() => ({
    error: initialError,
    touched: initialError !== undefined,
    view: view
      ? view({
          text: initialText,
          parsed: value,
          pendingError: initialError,
          touched: initialError !== undefined,
        })
      : (undefined as V),
  }));
  const current = useRef(shown);
  current.current = shown;

  // What is shown for the current text: set only when it differs, so an unchanged message or hint
  // costs no render.
  const show = useCallback((error: string | undefined, touched: boolean) => {
    const derive = viewRef.current;
    const next: Shown<V> = {
      error,
      touched,
      view: derive
        ? derive({ text: text.current, parsed: meant.current, pendingError: error, touched })
        : (undefined as V),
    };
    const was = current.current;
    if (was.error === next.error && was.touched === next.touched && sameView(was.view, next.view)) return;
    current.current = next;
    setShown(next);
  }, []);

  // Only a render by the caller (a new props object) brings a current value: a render of our own
  // (a message shown) may carry a value from before the keystrokes the caller was told were typed.
  const lastProps = useRef(props);
  if (lastProps.current !== props && !sameValue(meant.current, value)) {
    // An outside change (reset, import): show the value. Adjusting state during render (React's
    // documented pattern) avoids an extra effect pass.
    meant.current = value;
    text.current = format(value);
    pendingText.current = text.current;
    show(undefined, current.current.touched);
  }

  lastProps.current = props;

  useLayoutEffect(() => {
    if (pendingText.current === null) return;
    if (element.current && element.current.value !== pendingText.current)
      element.current.value = pendingText.current;
    pendingText.current = null;
  });

  // Report coercion messages after commit, never during render (the parent form holds that state).
  const reported = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (reported.current !== shown.error) {
      reported.current = shown.error;
      onTextError?.(shown.error);
    }
  }, [shown.error, onTextError]);

  const edit = useCallback(
    (next: string) => {
      text.current = next;
      const result = coerceText(next, field, parseInLocale, requiredEmpty);
      if (result.ok) meant.current = result.value;
      show(result.ok ? undefined : result.message, current.current.touched);
      if (result.ok) onChange(result.value, TYPED);
    },
    [field, parseInLocale, onChange, requiredEmpty, show],
  );

  const onInputChange = useCallback(
    (event: ChangeEvent<TextElement>) => edit(event.currentTarget.value),
    [edit],
  );

  const onBlur = useCallback(() => {
    show(current.current.error, true);
    onBlurProp();
  }, [onBlurProp, show]);

  const ref = useCallback<RefCallback<TextElement>>(
    (node) => {
      element.current = node;
      const cleanup = inputRef?.(node);
      return () => {
        element.current = null;
        if (typeof cleanup === 'function') cleanup();
        else inputRef?.(null);
      };
    },
    [inputRef],
  );

  const replaceText = useCallback(
    (next: string) => {
      if (element.current) element.current.value = next;
      edit(next);
    },
    [edit],
  );

  return {
    replaceText,
    input: { defaultValue: initialText, ref, onChange: onInputChange, onBlur },
    textError: shown.touched ? shown.error : undefined,
    view: shown.view,
  };
}
