/**
 * Our widgets as an RJSF theme, for pages that render with @rjsf/core. Kept out of the widgets index so
 * the form, the embed and the published types never reach @rjsf (not a dependency of the package).
 */
export { AdvancedObjectFieldTemplate, isAdvancedProperty } from './AdvancedObjectFieldTemplate';
export { adaptWidget } from './adaptWidget';
export { fieldNodeFromRjsf, type RjsfFieldInput } from './fieldNodeFromRjsf';
export { formularyRjsfTheme, formularyRjsfWidgets } from './formularyRjsfTheme';
export { PointerFieldTemplate, RjsfPointerContext } from './PointerFieldTemplate';
export { FormularyAnyOfField, FormularyOneOfField, isSingleValueUnion } from './UnionField';
