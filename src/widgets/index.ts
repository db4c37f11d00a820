/** Widgets: one input per kind of value, through a registry a facility can extend. */
import './widgets.css';

export { BinningWidget } from './BinningWidget';
export { BooleanWidget } from './BooleanWidget';
export { DateTimeWidget } from './DateTimeWidget';
export { defaultWidgetEntries, defaultWidgetRegistry, RADIO_MAX_OPTIONS } from './defaultWidgetRegistry';
export { describeLimits, limitProblem } from './describeLimits';
export { IntegerWidget } from './IntegerWidget';
export { JsonWidget } from './JsonWidget';
export { KEPT_TEXT_SEPARATOR, keptTextOf, splitKeptText } from './keptText';
export { LocaleContext, useLocale, useT } from './LocaleContext';
export { NumberListWidget } from './NumberListWidget';
export { NumberWidget } from './NumberWidget';
export { PathWidget } from './PathWidget';
export { RadioWidget } from './RadioWidget';
export { RunListWidget } from './RunListWidget';
export {
  createWidgetRegistry,
  type WidgetEntry,
  type WidgetRegistry,
  type WidgetResolution,
  type WidgetTester,
  type WidgetTesterContext,
} from './registry';
export { SelectWidget } from './SelectWidget';
export { TextWidget } from './TextWidget';
export type { ChangeHow, WidgetComponent, WidgetProps } from './WidgetProps';
export { ENTER_OR_UNSET, withNullable } from './withNullable';
