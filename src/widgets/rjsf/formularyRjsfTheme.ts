/**
 * The RJSF theme: our widgets under RJSF's widget names, the object template with the "Advanced"
 * section, RJSF's field template telling widgets their JSON Pointer, and union fields that show a
 * one-value union (number | numeric text | null) as one input. `withTheme(formularyRjsfTheme)` gives
 * an @rjsf/core Form with Formulary inputs; a facility can also take single entries
 * (`formularyRjsfWidgets.TextWidget`) and keep the rest of its theme.
 */
import type { ThemeProps } from '@rjsf/core';
import type { RegistryWidgetsType } from '@rjsf/utils';
import { BooleanWidget } from '../BooleanWidget';
import { DateTimeWidget } from '../DateTimeWidget';
import { NumberWidget } from '../NumberWidget';
import { RadioWidget } from '../RadioWidget';
import { AdvancedObjectFieldTemplate } from './AdvancedObjectFieldTemplate';
import { adaptWidget } from './adaptWidget';
import { PointerFieldTemplate } from './PointerFieldTemplate';
import { FormularyAnyOfField, FormularyOneOfField } from './UnionField';

/** By RJSF widget name; the generic entries pick through our registry (kind, x-input, x-widget). */
export const formularyRjsfWidgets: RegistryWidgetsType = {
  // RJSF renders strings and numbers with TextWidget by default: our registry picks the real widget.
  TextWidget: adaptWidget(),
  // RJSF's default for enums; ours turns short enums into radios unless ui:widget says "select".
  SelectWidget: adaptWidget(),
  RadioWidget: adaptWidget(RadioWidget),
  CheckboxWidget: adaptWidget(BooleanWidget),
  UpDownWidget: adaptWidget(NumberWidget),
  DateTimeWidget: adaptWidget(DateTimeWidget),
  // Our own names, for ui:widget in a facility's uiSchema.
  runList: adaptWidget(),
  numberList: adaptWidget(),
  binning: adaptWidget(),
  path: adaptWidget(),
  json: adaptWidget(),
};

/** A ThemeProps for @rjsf/core's withTheme. */
export const formularyRjsfTheme: ThemeProps = {
  widgets: formularyRjsfWidgets,
  templates: { ObjectFieldTemplate: AdvancedObjectFieldTemplate, FieldTemplate: PointerFieldTemplate },
  fields: { AnyOfField: FormularyAnyOfField, OneOfField: FormularyOneOfField },
};
