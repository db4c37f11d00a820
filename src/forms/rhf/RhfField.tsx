/**
 * One field of <FormularyFields>: a useController on the host's form and the registry's widget, which
 * keeps react-hook-form's props contract. The host's setValue, reset and watch reach it through the
 * controller; its errors are the resolver's (formState.errors), its "changed" mark is dirtyFields.
 * Text the widget cannot turn into a value ("0.2.5") goes into the form as that text, so submit is
 * refused with the widget's message (the resolver coerces text the same way) and watch() shows what
 * the user typed rather than an older value in its place.
 */

import { memo, type ReactNode, useCallback, useMemo, useRef } from 'react';
import { get, useController } from 'react-hook-form';
import type { FieldNode, Pointer } from '../../schemas/index';
import { keptTextOf, useT } from '../../widgets/index';
import { fieldStart } from '../engine/flattenValues';
import { coerceFieldText } from './coerceFieldText';
import { rhfDomId, useRhfContext } from './RhfContext';
import { rhfNameOf } from './rhfNames';
import { rulePartners } from './rulePartners';

export interface RhfFieldProps {
  readonly node: FieldNode;
  readonly pointer: Pointer;
  /** In a table cell: the row renders the label. */
  readonly inCell?: boolean;
}

export const RhfField = memo(function RhfField({ node, pointer, inCell = false }: RhfFieldProps): ReactNode {
  const { control, prefix, model, pickWidget, idPrefix, disabled, readOnly } = useRhfContext();
  const t = useT();
  const name = rhfNameOf(prefix, pointer);
  // A change re-checks the fields its rules read too (RHF's deps), each at one field's cost.
  const deps = useMemo(
    () => rulePartners(model, pointer).map((p) => rhfNameOf(prefix, p)),
    [model, pointer, prefix],
  );
  const { field, fieldState } = useController({
    control,
    name,
    // A field of a branch just picked, or of a row just added, starts at its default.
    defaultValue: fieldStart(node),
    rules: deps.length > 0 ? { deps } : undefined,
  });
  const { onChange, onBlur, value } = field;
  // Text the widget reported as not a value: the form holds it, the widget keeps showing its own
  // text and message, so it is given the last value it reported instead.
  const ownText = useRef<string | undefined>(undefined);
  const lastGood = useRef<unknown>(value);
  let shown = value;
  if (ownText.current !== undefined && value === ownText.current) shown = lastGood.current;
  else {
    ownText.current = undefined;
    lastGood.current = value;
  }
  // Text (not a value) the form held when this widget mounted: shown as typed, with its message.
  const keptText = useRef<string | undefined | null>(null);
  if (keptText.current === null) {
    const coerced = typeof value === 'string' ? coerceFieldText(node, value) : undefined;
    keptText.current = coerced && !coerced.ok ? value : undefined;
  }
  const input = useRef<HTMLElement | null>(null);
  const widgetChange = useCallback(
    (next: unknown) => {
      ownText.current = undefined;
      // RHF reads an undefined value as "use the default": an emptied optional field is held as empty
      // text instead, which the resolver reads as absent, as the widget meant.
      onChange(next === undefined ? '' : next);
    },
    [onChange],
  );
  const onTextError = useCallback(
    (message: string | undefined) => {
      if (message === undefined) return;
      const text = keptTextOf(input.current);
      if (text === undefined) return;
      ownText.current = text;
      onChange(text);
    },
    [onChange],
  );
  const { ref } = field;
  const inputRef = useCallback(
    (element: HTMLElement | null) => {
      input.current = element;
      ref(element);
    },
    [ref],
  );
  const changed = fieldState.isDirty;
  const Widget = pickWidget(node, inCell);
  const adornment =
    changed && !readOnly && !disabled ? (
      <button
        type="button"
        className="formulary-reset"
        aria-label={t('form.resetField', { label: node.label })}
        title={t('form.resetTitle')}
        onClick={() => widgetChange(structuredClone(get(control._defaultValues, name) ?? fieldStart(node)))}
      >
        {t('form.reset')}
      </button>
    ) : undefined;
  return (
    <div className="formulary-field" data-name={name} data-changed={changed ? 'true' : undefined}>
      <Widget
        field={node}
        id={rhfDomId(idPrefix, name)}
        value={shown}
        onChange={widgetChange}
        onBlur={onBlur}
        onTextError={onTextError}
        error={fieldState.error?.message}
        disabled={disabled}
        readOnly={readOnly}
        changed={changed}
        inputRef={inputRef}
        hideLabel={inCell}
        hideDescription={inCell}
        adornment={adornment}
        label={node.label}
        keptText={keptText.current ?? undefined}
      />
    </div>
  );
});
