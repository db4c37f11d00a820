/**
 * Numbers with units and limits: accepts "0.1" and " 1e-3 ", shows the unit and the allowed range
 * ("0.1–10 Å") before the user leaves the field. Integer-kind fields get whole-number checking too.
 */
import { memo, type ReactNode } from 'react';
import { NumberInput } from './NumberInput';
import type { WidgetProps } from './WidgetProps';

/** A number field ("0.1", "1e-3"). */
export const NumberWidget = memo(function NumberWidget(props: WidgetProps): ReactNode {
  return <NumberInput props={props} integer={props.field.kind === 'integer'} name="number" />;
});
