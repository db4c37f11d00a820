/**
 * A field whose stored value is of a type it cannot take as it is (valueMismatch: an import's 42 in a
 * text field, [12345, 12346] in a run-list text field, an overflowed 1e400). Shown as what it is,
 * read-only, with the message, the conversion where one exists, and "Clear"; never through the widget,
 * which would show it as if it were valid ("42", "12345-12346", "[object Object]").
 */

import type { ReactNode } from 'react';
import type { FieldNode } from '../../schemas/index';
import { useT } from '../../widgets/index';
import type { StoragePath } from '../engine/storagePath';
import { showValue, type ValueMismatch } from '../engine/valueMismatch';
import { useFormContextValue } from '../FormContext';

export function MismatchedValue(props: {
  node: FieldNode;
  path: StoragePath;
  id: string;
  value: unknown;
  mismatch: ValueMismatch;
  hideLabel: boolean;
  inputRef: (element: HTMLElement | null) => void;
}): ReactNode {
  const { node, path, id, mismatch } = props;
  const { engine, disabled, readOnly } = useFormContextValue();
  const t = useT();
  const locked = disabled || readOnly;
  return (
    <div className="formulary-widget formulary-mismatch" data-widget="mismatch" data-state="invalid">
      {!props.hideLabel && (
        <label htmlFor={id} className="formulary-widget__label">
          {node.label}
        </label>
      )}
      <input
        ref={props.inputRef}
        id={id}
        type="text"
        readOnly
        className="formulary-widget__input"
        value={showValue(props.value)}
        aria-invalid
        aria-describedby={`${id}-mismatch`}
      />
      <p id={`${id}-mismatch`} className="formulary-widget__error">
        {mismatch.message}
      </p>
      {!locked && (
        <div className="formulary-mismatch__actions">
          {mismatch.convert && (
            <button type="button" onClick={() => engine.setField(path, mismatch.convert!.value)}>
              {t('mismatch.use', { value: mismatch.convert.text })}
              <span className="formulary-visually-hidden"> {t('mismatch.for', { label: node.label })}</span>
            </button>
          )}
          <button type="button" onClick={() => engine.resetWithin([path])}>
            {t('mismatch.clear')}
            <span className="formulary-visually-hidden"> {node.label}</span>
          </button>
        </div>
      )}
    </div>
  );
}
