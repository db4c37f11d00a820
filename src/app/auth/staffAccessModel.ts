/**
 * The portal's mirror of the staff-only rule: for someone who is not staff of the instrument (nor an
 * admin), every field marked `"x-access": "staff"` is shown read-only with a note saying why. The
 * server decides regardless (a changed value is refused with 403); this only spares a scientist a
 * refusal. The model is frozen: mapModelFields copies the marked fields and what holds them.
 */
import type { FieldModel } from '../../schemas/index';
import { mapModelFields } from '../mapModelFields';
import { portalText } from '../portalText';

export const staffNote = (instrument: string) => portalText('portal.staff.note', { instrument });

export function staffAccessModel(model: FieldModel, instrument: string, isStaff: boolean): FieldModel {
  if (isStaff || !model.fields.some((f) => f.hints?.['x-access'] === 'staff')) return model;
  const note = staffNote(instrument);
  return mapModelFields(model, (field) =>
    field.hints?.['x-access'] === 'staff'
      ? { ...field, readOnly: true, description: field.description ? `${field.description} ${note}` : note }
      : undefined,
  );
}
