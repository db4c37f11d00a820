/**
 * The model new forms start from: each field whose default the instrument's staff changed gets that
 * default, and its help says who changed it and when. Pure; the model stays frozen (mapModelFields).
 */
import type { FieldModel } from '../../schemas/index';
import { mapModelFields } from '../mapModelFields';
import { portalText } from '../portalText';
import type { DefaultOverride } from './defaultsClient';

export const changedNote = (o: Pick<DefaultOverride, 'changedBy' | 'changedAt'>) =>
  portalText('portal.defaults.changedNote', { user: o.changedBy, date: new Date(o.changedAt) });

export function overlayDefaults(model: FieldModel, overrides: readonly DefaultOverride[]): FieldModel {
  if (overrides.length === 0) return model;
  const byPointer = new Map(overrides.map((o) => [o.pointer, o]));
  return mapModelFields(model, (field) => {
    const o = byPointer.get(field.pointer);
    if (!o) return undefined;
    const note = changedNote(o);
    return {
      ...field,
      hasDefault: true,
      default: o.value,
      description: field.description ? `${field.description} ${note}` : note,
    };
  });
}
