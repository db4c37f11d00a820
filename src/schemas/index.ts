/**
 * formulary/schemas: load and bundle instrument schemas, build the FieldModel, defaults, coercion,
 * validation with cross-field rules, the field index and the linter. Framework-free: runs in Node.
 */

export * from './coerce/index';
export type * from './FieldModel';
export * from './i18n/index';
export { type InstrumentCatalogueEntry, instrumentCatalogue } from './instruments/index';
export type { JsonObject, JsonValue } from './JsonValue';
export { isPlainObject, jsonEquals } from './jsonEquals';
export * from './lint/index';
export * from './load/index';
export * from './model/index';
export * from './paste/index';
export {
  childPointer,
  deleteAt,
  escapePointerSegment,
  formatPointer,
  getAt,
  hasAt,
  instancePointer,
  parsePointer,
  resolveRelative,
  rowIndexes,
  setAt,
  setOwn,
  unescapePointerSegment,
} from './pointer';
export * from './search/index';
export * from './validate/index';
export * from './vocabulary';
