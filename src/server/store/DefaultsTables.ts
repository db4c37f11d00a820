/**
 * The tables of migration 0006 as Kysely sees them: the overlay staff put on an instrument's schema
 * defaults (one row per changed field), its full history, and a revision per instrument (the ETag of
 * the defaults, and the row a change locks so two staff saving at once are recorded one after the other).
 */
import type { Generated } from 'kysely';

export interface InstrumentDefaultsTable {
  instrument: string;
  /** The field's pointer in the request, e.g. /beamCenter/comRadius. */
  pointer: string;
  /** JSON text of the value new forms start from. */
  value: string;
  changed_by: string;
  changed_at: string;
}

export interface DefaultChangesTable {
  seq: Generated<number>;
  instrument: string;
  pointer: string;
  /** JSON text of the effective default before (the overlay's value, else the schema's; null: none). */
  old_value: string | null;
  /** JSON text of the effective default after; null: the field has no default now. */
  new_value: string | null;
  /** 1 when the change removed the overlay (back to the schema's default). */
  reset: number;
  changed_by: string;
  changed_at: string;
}

export interface DefaultRevisionsTable {
  instrument: string;
  revision: number;
}

export interface DefaultsTables {
  instrument_defaults: InstrumentDefaultsTable;
  default_changes: DefaultChangesTable;
  default_revisions: DefaultRevisionsTable;
}
