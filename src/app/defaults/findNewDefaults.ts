/**
 * Asks the serving Formulary service whether an instrument's defaults moved away from those an open
 * form (or its restored draft) was made against, and words each moved field as the history page
 * does: label, old → new, who and when (the newest history entry of the field; the overlay's
 * `changedBy` when the history cannot be read). A conditional GET (the defaults' ETag), so the check
 * on every focus and submit costs a 304 while nothing changed.
 */

import type { DraftDefaults } from '../../forms/index';
import type { FieldModel } from '../../schemas/index';
import { type DefaultShift, defaultShifts } from './defaultShifts';
import { type DefaultsOverlay, fetchDefaults, fetchDefaultsHistory } from './defaultsClient';
import { overlayDefaults } from './overlayDefaults';

/** A moved field as the notice shows it. */
export interface ShiftView extends DefaultShift {
  readonly changedBy?: string;
  readonly changedAt?: string;
  /** The staff put the schema's own default back. */
  readonly reset: boolean;
}

/** The defaults a form's values are made against. */
export interface DefaultsBasis {
  readonly revision: number;
  /** The model with those defaults in: what the form shows and compares "changed" with. */
  readonly model: FieldModel;
}

export interface NewDefaults {
  readonly overlay: DefaultsOverlay;
  /** The model with the new defaults in. */
  readonly model: FieldModel;
  /** Empty when the revision moved but no field's default did (a value saved again). */
  readonly shifts: readonly ShiftView[];
}

/** What a draft stores of an overlay. */
export const stampOf = (overlay: DefaultsOverlay): DraftDefaults => ({
  revision: overlay.revision,
  overrides: overlay.overrides,
});

/** The model the form shows for a draft made against `stamp`. */
export const modelOfStamp = (schemaModel: FieldModel, stamp: DraftDefaults): FieldModel =>
  overlayDefaults(
    schemaModel,
    stamp.overrides.map((o) => ({
      pointer: o.pointer,
      label: o.label ?? o.pointer,
      value: o.value,
      changedBy: o.changedBy ?? '',
      changedAt: o.changedAt ?? '',
    })),
  );

/** The moved fields between `basis` and `overlay`, worded with who and when. */
export async function describeShifts(
  instrument: string,
  basisModel: FieldModel,
  overlay: DefaultsOverlay,
  model: FieldModel,
): Promise<ShiftView[]> {
  const shifts = defaultShifts(basisModel, model);
  if (shifts.length === 0) return [];
  const newest = new Map<string, { changedBy: string; changedAt: string; reset: boolean }>();
  try {
    // Newest first: the first entry of a field is its latest change.
    for (const c of await fetchDefaultsHistory(instrument))
      if (!newest.has(c.pointer)) newest.set(c.pointer, c);
  } catch {
    for (const o of overlay.overrides) newest.set(o.pointer, { ...o, reset: false });
  }
  return shifts.map((s) => {
    const c = newest.get(s.pointer);
    return { ...s, reset: c?.reset ?? false, ...(c && { changedBy: c.changedBy, changedAt: c.changedAt }) };
  });
}

/**
 * The instrument's defaults when they differ from `basis`'s revision; undefined when they do not, or
 * when the page is not served by a Formulary service or it cannot be reached (nothing to compare).
 */
export async function findNewDefaults(
  instrument: string,
  schemaModel: FieldModel,
  basis: DefaultsBasis,
): Promise<NewDefaults | undefined> {
  const overlay = await fetchDefaults(instrument);
  if (!overlay || overlay.revision === basis.revision) return undefined;
  const model = overlayDefaults(schemaModel, overlay.overrides);
  return { overlay, model, shifts: await describeShifts(instrument, basis.model, overlay, model) };
}
