/**
 * One field of the form: subscribes to its own value (its RHF name only), its errors and whether it
 * differs from its default, and renders the registry's widget with a "reset to default" control when
 * it does. A keystroke re-renders nothing unless one of those shown things changes (the input is
 * uncontrolled); rules that read it update their other fields through the error store.
 */

import { memo, type ReactNode, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { FieldNode } from '../../schemas/index';
import { withLocale } from '../../schemas/index';
import { type ChangeHow, keptTextOf, useLocale, useT } from '../../widgets/index';
import type { StoragePath } from '../engine/storagePath';
import { fieldName } from '../engine/storagePath';
import { valueMismatch } from '../engine/valueMismatch';
import { domId, rowNameId, useFormContextValue } from '../FormContext';
import { useRenderCount } from '../renderCount';
import { useIdleStore } from '../useIdleStore';
import { MismatchedValue } from './MismatchedValue';
import { useStoredValue } from './useStoredValue';

export interface FieldRowProps {
  readonly node: FieldNode;
  readonly path: StoragePath;
  /** In a table cell: the row renders the (visually hidden) label, so moving a row re-renders no field. */
  readonly inCell?: boolean;
}

/** A field: its widget, its errors, its reset. */
export const FieldRow = memo(function FieldRow({ node, path, inCell = false }: FieldRowProps): ReactNode {
  useRenderCount(`field:${path}`);
  const { engine, idPrefix, pickWidget, disabled, readOnly } = useFormContextValue();
  const t = useT();
  const locale = useLocale();
  // The widget's own writes re-render nothing here (its input shows them); see useStoredValue.
  const ownWrite = useRef(false);
  const value = useStoredValue(fieldName(path), ownWrite);
  // The reset button and changed mark follow in the next idle period: see useIdleStore.
  const changed = useIdleStore(
    useCallback((listener) => engine.subscribeChanged([path], listener), [engine, path]),
    useCallback(() => engine.isChanged(path), [engine, path]),
  );
  const shown = useSyncExternalStore(
    useCallback((listener) => engine.errors.subscribe(path, listener), [engine, path]),
    () => engine.errors.at(path),
  );
  const id = domId(idPrefix, path);
  // In a list row, the row ends the names of this field's controls ("Concentration: unset, row 2").
  const nameRef = rowNameId(idPrefix, path);
  const onChange = useCallback(
    (next: unknown, how?: ChangeHow) => {
      ownWrite.current = how?.typed === true;
      try {
        engine.setField(path, next);
      } finally {
        ownWrite.current = false;
      }
    },
    [engine, path],
  );
  const onBlur = useCallback(() => engine.blurField(path), [engine, path]);
  // The input as last mounted: its text is read with each text error (a draft keeps it) and when the
  // widget goes (see engine.widgetGone).
  const lastInput = useRef<HTMLElement | null>(null);
  const onTextError = useCallback(
    (message: string | undefined) =>
      engine.setTextError(path, message, message === undefined ? undefined : keptTextOf(lastInput.current)),
    [engine, path],
  );
  const inputRef = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      lastInput.current = element;
      return engine.registerFocuser(path, () => {
        element.scrollIntoView?.({ block: 'center' });
        focusableOf(element).focus();
      });
    },
    [engine, path],
  );
  // Text that is not a value outlives the widget (a closed section, a search filter) and comes back
  // with it; the kept copy is dropped once the remounted widget shows it and reports its error again.
  const [keptText] = useState(() => engine.keptText(path));
  useEffect(() => {
    engine.dropKeptText(path);
    return () => engine.widgetGone(path, keptTextOf(lastInput.current));
  }, [engine, path]);
  const messages = shown.filter((e) => e.error.rule !== 'input').map((e) => e.error.message);
  const Widget = pickWidget(node, inCell);
  const adornment =
    changed && !readOnly && !disabled ? (
      <button
        type="button"
        className="formulary-reset"
        aria-label={nameRef === undefined ? t('form.resetField', { label: node.label }) : undefined}
        aria-labelledby={nameRef === undefined ? undefined : `${id}-reset-name ${nameRef}`}
        title={t('form.resetTitle')}
        onClick={() => {
          engine.resetWithin([path]);
          // The button goes with the change: focus returns to the field it reset, not to <body>.
          requestAnimationFrame(() => engine.reveal(path));
        }}
      >
        {t('form.reset')}
        {nameRef !== undefined && (
          <span id={`${id}-reset-name`} hidden>
            {t('form.resetField', { label: node.label })},
          </span>
        )}
      </button>
    ) : undefined;
  const mismatch = withLocale(locale, () => valueMismatch(node, value));
  if (mismatch)
    return (
      <div className="formulary-field" data-path={path} data-changed={changed ? 'true' : undefined}>
        <MismatchedValue
          node={node}
          path={path}
          id={id}
          value={value}
          mismatch={mismatch}
          hideLabel={inCell}
          inputRef={inputRef}
        />
      </div>
    );
  return (
    <div className="formulary-field" data-path={path} data-changed={changed ? 'true' : undefined}>
      <Widget
        field={node}
        id={id}
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        onTextError={onTextError}
        error={messages.length > 0 ? messages.join(' ') : undefined}
        disabled={disabled}
        readOnly={readOnly}
        changed={changed}
        inputRef={inputRef}
        hideLabel={inCell}
        hideDescription={inCell}
        adornment={adornment}
        label={node.label}
        keptText={keptText}
        nameRef={nameRef}
      />
    </div>
  );
});

const enabledControl =
  'input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)';

/**
 * The element reveal() should focus: the input, or while it is disabled (an unset nullable field) the
 * first enabled control of its widget, the "Unset" toggle, so search and the error summary still land
 * on the field and the user can set it.
 */
function focusableOf(element: HTMLElement): HTMLElement {
  if (!(element as HTMLInputElement).disabled) return element;
  return element.closest('[data-widget]')?.querySelector<HTMLElement>(enabledControl) ?? element;
}
