/**
 * Whole numbers (counts, bins per decade, pixel indexes): "2.5" is refused with a message instead of
 * being rounded. Same frame, units and limits as the number widget.
 */
import { memo, type ReactNode } from 'react';
import { NumberInput } from './NumberInput';
import type { WidgetProps } from './WidgetProps';

/** A whole-number field. */
export const IntegerWidget = memo(function IntegerWidget(props: WidgetProps): ReactNode {
  return <NumberInput props={props} integer name="integer" />;
});
