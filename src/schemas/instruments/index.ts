/**
 * The catalogue of shipped instrument schemas, so the demo app, Storybook and benchmarks can list them.
 * Paths only: it must not import the JSON files (the browser fetches them, Node reads them), so listing
 * instruments costs nothing until one is opened.
 */
import type { Dialect } from '../FieldModel';

/** One shipped instrument schema. */
export interface InstrumentCatalogueEntry {
  /** Stable id; also the folder of its example requests in examples/<id>/. */
  readonly id: string;
  readonly name: string;
  /** What kind of instrument, in a scientist's words. */
  readonly kind: string;
  /** Path of the entry file, relative to the package root. Multi-file schemas $ref their neighbours. */
  readonly schemaPath: string;
  readonly dialect: Dialect;
  /**
   * Bumped when the schema changes in a way a saved draft may not fit (a field renamed, moved or
   * removed): drafts saved under an older version are fitted to the new schema, the rest listed.
   */
  readonly schemaVersion: number;
  /**
   * The schema's translation files by language (beside the schema, as formulary.config.json names
   * them): the portal fetches the one of the language it speaks.
   */
  readonly translations?: Readonly<Record<string, string>>;
}

export const instrumentCatalogue: readonly InstrumentCatalogueEntry[] = [
  {
    id: 'eqsans',
    name: 'EQSANS',
    kind: 'Time-of-flight small-angle neutron scattering (SANS)',
    schemaPath: 'src/schemas/instruments/eqsans.schema.json',
    dialect: 'draft-07',
    schemaVersion: 1,
    translations: { fr: 'src/schemas/instruments/eqsans.fr.json' },
  },
  {
    id: 'powder',
    name: 'POWGEN',
    kind: 'Time-of-flight powder diffraction',
    schemaPath: 'src/schemas/instruments/powder.schema.json',
    dialect: '2020-12',
    schemaVersion: 1,
  },
  {
    id: 'reflectometer',
    name: 'REF_M',
    kind: 'Polarised neutron reflectometry',
    schemaPath: 'src/schemas/instruments/reflectometer.schema.json',
    dialect: 'draft-07',
    schemaVersion: 1,
  },
  {
    id: 'biosans',
    name: 'Bio-SANS',
    kind: 'Monochromatic SANS with main, midrange and wing detectors',
    schemaPath: 'src/schemas/instruments/biosans.schema.json',
    dialect: 'draft-07',
    schemaVersion: 1,
  },
  {
    id: 'inelastic',
    name: 'SEQUOIA',
    kind: 'Direct-geometry inelastic spectrometer',
    schemaPath: 'src/schemas/instruments/inelastic.schema.json',
    dialect: '2020-12',
    schemaVersion: 1,
  },
];
