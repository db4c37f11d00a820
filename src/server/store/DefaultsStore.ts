/**
 * The storage interface of instrument defaults edited by staff: the overlay on each instrument's
 * schema defaults, its history and its revision. Values are JSON values in and out (stored as text);
 * the store knows neither HTTP nor schemas: the caller says what the schema's default is.
 */
import type { NewAuditEntry } from './AuthStore';

export interface StoredDefault {
  readonly instrument: string;
  readonly pointer: string;
  readonly value: unknown;
  readonly changedBy: string;
  readonly changedAt: string;
}

export interface DefaultChange {
  readonly seq: number;
  readonly instrument: string;
  readonly pointer: string;
  /** The effective default before; undefined when the field had none. */
  readonly oldValue: unknown;
  /** The effective default after; undefined when the field has none now. */
  readonly newValue: unknown;
  /** The overlay was removed: the schema's default counts again. */
  readonly reset: boolean;
  readonly changedBy: string;
  readonly changedAt: string;
}

export interface DefaultEdit {
  readonly pointer: string;
  /** The new default; undefined resets the field to the schema's default. */
  readonly value: unknown;
  /** The schema's own default of the field (undefined: none), to record old -> new as a user saw it. */
  readonly schemaDefault: unknown;
}

export interface DefaultsOverlay {
  /** Bumped by every change of the instrument's overlay; 0 before the first. */
  readonly revision: number;
  readonly values: readonly StoredDefault[];
}

export interface DefaultsStore {
  /** The instrument's overlay and revision, in pointer order. O(changed fields). */
  overlay(instrument: string): Promise<DefaultsOverlay>;
  /**
   * Applies the edits in one transaction: the overlay rows, one history row per field whose
   * effective default changed (edits that change nothing are left out), and the revision. Returns
   * the history rows written, in edit order. `auditOf` makes the audit entry of each row written,
   * committed in the same transaction: a change is never saved without its audit entry, nor audited
   * without being saved.
   */
  change(
    instrument: string,
    edits: readonly DefaultEdit[],
    by: string,
    at: string,
    auditOf?: (change: DefaultChange) => NewAuditEntry,
  ): Promise<DefaultChange[]>;
  /** Newest first; `beforeSeq` is the cursor of the previous page. */
  history(instrument: string, options: { limit: number; beforeSeq?: number }): Promise<DefaultChange[]>;
}
