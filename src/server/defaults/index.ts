/** Instrument defaults edited by staff: the overlay on the schema's defaults and its history. Imported through this file only. */
export {
  type DefaultsEdit,
  DefaultsError,
  DefaultsService,
  type EffectiveDefault,
  type EffectiveDefaults,
  type FieldRefusal,
} from './DefaultsService';
