/**
 * The fallback for free-form objects and anything the FieldModel cannot model: a JSON text area whose
 * syntax errors name the line and column. Valid JSON is stored as parsed; nothing is dropped.
 */

import { memo, type ReactNode, useMemo } from 'react';
import { fail, formatJsonText, parseJsonText } from '../schemas/index';
import { FieldFrame } from './FieldFrame';
import { useT } from './LocaleContext';
import { type TextState, useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

function rowsFor(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return Math.min(Math.max(lines, 3), 20);
}

const rowsOfState = (state: TextState) => rowsFor(state.text);

/** A JSON editor field. */
export const JsonWidget = memo(function JsonWidget(props: WidgetProps): ReactNode {
  const say = useT();
  const empty = useMemo(() => fail(say('coerce.json.empty')), [say]);
  const t = useTextValue(props, formatJsonText, parseJsonText, empty, rowsOfState);
  return (
    <FieldFrame widget="json" props={props} textError={t.textError}>
      {(aria) => (
        <textarea
          {...aria}
          {...t.input}
          id={props.id}
          className="formulary-widget__input formulary-widget__input--json"
          rows={t.view}
          spellCheck={false}
          placeholder={props.field.placeholder}
        />
      )}
    </FieldFrame>
  );
});
