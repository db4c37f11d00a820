/**
 * Formulary's own widgets and the testers that choose them by value kind. Ranks: 1 for the JSON
 * fallback, 5 for the widget of a kind, 6 for a better fit (radio for short enums). A facility outranks
 * any of them with a higher score, or replaces one by registering the same name.
 */
import { BinningWidget } from './BinningWidget';
import { BooleanWidget } from './BooleanWidget';
import { DateTimeWidget } from './DateTimeWidget';
import { IntegerWidget } from './IntegerWidget';
import { JsonWidget } from './JsonWidget';
import { NumberListWidget } from './NumberListWidget';
import { NumberWidget } from './NumberWidget';
import { PathWidget } from './PathWidget';
import { RadioWidget } from './RadioWidget';
import { RunListWidget } from './RunListWidget';
import { createWidgetRegistry, type WidgetEntry, type WidgetTester } from './registry';
import { SelectWidget } from './SelectWidget';
import { TextWidget } from './TextWidget';

/** Enums with at most this many options are radio buttons; more become a select. */
export const RADIO_MAX_OPTIONS = 4;

const kind =
  (...kinds: readonly string[]): WidgetTester =>
  (field) =>
    kinds.includes(field.kind) ? 5 : -1;

/** Our entries, in the order ties are broken. */
export const defaultWidgetEntries: readonly WidgetEntry[] = [
  { name: 'json', tester: () => 1, component: JsonWidget },
  { name: 'text', tester: kind('string'), component: TextWidget },
  { name: 'number', tester: kind('number'), component: NumberWidget },
  { name: 'integer', tester: kind('integer'), component: IntegerWidget },
  { name: 'boolean', tester: kind('boolean'), component: BooleanWidget },
  { name: 'select', tester: kind('enum'), component: SelectWidget },
  {
    name: 'radio',
    tester: (field, ctx) =>
      field.kind === 'enum' && ctx.compact !== true && (field.enum?.length ?? 0) <= RADIO_MAX_OPTIONS
        ? 6
        : -1,
    component: RadioWidget,
  },
  { name: 'runList', tester: kind('runList'), component: RunListWidget },
  { name: 'numberList', tester: kind('numberList'), component: NumberListWidget },
  { name: 'binning', tester: kind('binning'), component: BinningWidget },
  { name: 'path', tester: kind('path'), component: PathWidget },
  { name: 'dateTime', tester: kind('dateTime'), component: DateTimeWidget },
];

/** The shared default registry (frozen: call `.extend([...])` to add or replace widgets). */
export const defaultWidgetRegistry = createWidgetRegistry(defaultWidgetEntries, { frozen: true });
