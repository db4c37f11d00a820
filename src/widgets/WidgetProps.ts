/**
 * The one props contract every Formulary widget implements, and what a facility's own widget must
 * implement to join the registry. Types only. Read this before rendering widgets from a form.
 *
 * ## How a form uses a widget (react-hook-form)
 * Render one widget per field through `useController` (or `<Controller>`): react-hook-form keeps the
 * form uncontrolled, and only the field whose value changed re-renders. Pass `field.onChange`,
 * `field.onBlur`, `field.value` and `field.ref` (as `inputRef`, so `setFocus` and an error summary can
 * focus the input). Widgets are `React.memo` components: keep `onChange`, `onBlur`, `onTextError` and
 * `field` referentially stable (react-hook-form's are) and a keystroke elsewhere costs nothing here.
 *
 * ## Values versus text
 * `value` is always the *request* value: a number, a string, `number[]` for run and number lists,
 * `[min, step, max]` for binning, `null` for an unset nullable field, `undefined` for an absent key.
 * What the user is typing is the widget's own state. On each edit the widget coerces the text
 * (src/schemas coercion) and then:
 * - text that is exactly one value: `onChange(value)` and `onTextError(undefined)`;
 * - text that is not (e.g. "1,5", "12350-12345"): `onTextError(message)` and NO `onChange`; the form
 *   holds the last good value but must treat the field as invalid (refuse submit, list the message in
 *   the error summary) until the text is fixed or reset. The widget never rewrites what was typed;
 *   it shows the message itself (after the first blur, then live as the user types).
 * - empty text: `null` when the field is nullable, `undefined` when it is optional, else a text error.
 * When `value` changes from outside (reset, import, another branch), the widget shows it formatted,
 * unless its current text already means that value (so "0.10" stays "0.10" while typing). Text inputs
 * are uncontrolled and report typed values with `onChange(value, { typed: true })`; a caller may then
 * skip re-rendering them, so a widget compares `value` with its text only when the caller renders it.
 * Text that never became a value outlives an unmount of the widget (a closed section): the form keeps
 * it, refuses submit meanwhile, and passes it back as `keptText` when the widget mounts again.
 *
 * ## Errors and ids
 * - `id` is the id of the focusable input; the widget renders `<label htmlFor={id}>` unless
 *   `hideLabel` (then the caller renders one for that id).
 * - `error` is the form's validation message (schema or cross-field rule). If `errorId` is given the
 *   caller renders `error` in an element with that id and the widget only points at it
 *   (`aria-describedby`, `aria-invalid`); without `errorId` the widget renders it below the input.
 * - The widget's own elements use ids derived from `id`: `${id}-hint`, `${id}-error`,
 *   `${id}-description`; `describedBy` adds the caller's ids (help text) to `aria-describedby`.
 * - The root element carries `data-widget` (the registry name), `data-pointer` and `data-state`: a
 *   space-separated set of `default`, `changed`, `error`, `unset`, `disabled`, `readonly`, so CSS can use
 *   `[data-state~="changed"]`.
 */
import type { ComponentType, ReactNode, RefCallback } from 'react';
import type { FieldNode } from '../schemas/index';

/** How a widget's change came about. */
export interface ChangeHow {
  /**
   * The value is what an uncontrolled input already shows (typed text): the caller need not re-render
   * the widget for it, so a keystroke costs no render. Whenever the caller does render the widget, the
   * `value` it passes must be the current one.
   */
  readonly typed?: boolean;
}

export interface WidgetProps {
  /** The field this widget edits (from the FieldModel): label, kind, limits, units, hints. */
  readonly field: FieldNode;
  /** Id of the focusable input; unique in the page (instance pointers inside lists). */
  readonly id: string;
  /** The request value (see "Values versus text"). */
  readonly value: unknown;
  /** Called with a valid request value only (never with text that failed to coerce). */
  readonly onChange: (value: unknown, how?: ChangeHow) => void;
  /** Called when focus leaves the widget (after any normalisation of the shown text). */
  readonly onBlur: () => void;
  /** Called with a message when the typed text is not a value, and with undefined once it is again. */
  readonly onTextError?: (message: string | undefined) => void;
  /**
   * Text typed into this field that was not a value when its widget last unmounted (a closed
   * section). Show it at mount instead of `value`, with its message, and report that message through
   * `onTextError` as for any edit. useTextValue does this. A widget with several text inputs gets
   * their texts in document order joined by KEPT_TEXT_SEPARATOR (the binning widget's three).
   */
  readonly keptText?: string;
  /** The form's validation message for this field. */
  readonly error?: string;
  /** Id of an element the caller renders `error` in; the widget then does not render it. */
  readonly errorId?: string;
  /** Extra ids for aria-describedby (space-separated). */
  readonly describedBy?: string;
  readonly disabled?: boolean;
  readonly readOnly?: boolean;
  /** The value differs from the field's default (the form computes it). */
  readonly changed?: boolean;
  /**
   * Receives the focusable input element (react-hook-form's `field.ref`). Widgets pass it straight to
   * `ref`, so a cleanup function it returns (React 19 ref cleanup) is honoured.
   */
  readonly inputRef?: RefCallback<HTMLElement>;
  /** The caller renders the label itself (e.g. an RJSF FieldTemplate). */
  readonly hideLabel?: boolean;
  /** The caller renders the description itself. */
  readonly hideDescription?: boolean;
  /** Content shown beside the label, e.g. the form's "reset to default" button. */
  readonly adornment?: ReactNode;
  /** Overrides the label text (default: field.label). */
  readonly label?: string;
  /**
   * Id of an element whose text ends the accessible name of this field's controls (its list row:
   * "row 2"), so the same field in two rows never shares a name. Referenced with aria-labelledby,
   * so the row number can change (a row moved) without rendering the widget again.
   */
  readonly nameRef?: string;
}

/** A widget: a React component taking WidgetProps. */
export type WidgetComponent = ComponentType<WidgetProps>;
