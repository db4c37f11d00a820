/**
 * An instrument's FieldModel as the portal's forms use it: the schema fetched by URL (so its $refs
 * resolve as on a facility's site) and the defaults its staff set, when the serving service has any.
 */
import { buildFieldModel, type FieldModel, loadSchema } from '../../schemas/index';
import { instrumentCatalogue } from '../../schemas/instruments/index';
import { type DefaultsOverlay, fetchDefaults } from './defaultsClient';
import { overlayDefaults } from './overlayDefaults';

/** The page names an instrument the portal's catalogue does not have. */
export class UnknownInstrumentError extends Error {
  constructor(readonly instrument: string) {
    super(`no instrument "${instrument}"`);
    this.name = 'UnknownInstrumentError';
  }
}

export interface InstrumentModel {
  /** The schema's model, defaults as the schema says. */
  readonly schemaModel: FieldModel;
  /** With the staff's defaults in. */
  readonly model: FieldModel;
  readonly overlay: DefaultsOverlay | undefined;
}

export async function loadInstrumentModel(instrument: string): Promise<InstrumentModel> {
  const entry = instrumentCatalogue.find((i) => i.id === instrument);
  if (!entry) throw new UnknownInstrumentError(instrument);
  const file = entry.schemaPath.slice(entry.schemaPath.lastIndexOf('/') + 1);
  const [schema, overlay] = await Promise.all([
    loadSchema(new URL(`schemas/${file}`, document.baseURI).href),
    fetchDefaults(instrument),
  ]);
  const schemaModel = buildFieldModel(schema);
  return {
    schemaModel,
    model: overlay ? overlayDefaults(schemaModel, overlay.overrides) : schemaModel,
    overlay,
  };
}
