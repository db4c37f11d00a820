/**
 * What a scientist's request sends in staff-only fields: their current default (as the instrument's
 * staff set it), whatever an older draft held. Such a field is read-only for them, so a draft saved
 * before staff changed the default could otherwise never be sent (the server refuses any other value
 * with 403). Fields inside list rows are left as they are. Returns a copy; O(fields).
 */
import { type FieldModel, getAt, setAt } from '../../schemas/index';

export function withStaffDefaults<R>(model: FieldModel, request: R): R {
  let out = request;
  for (const field of model.fields) {
    if (field.hints?.['x-access'] !== 'staff' || field.pointer.includes('/*') || !field.hasDefault) continue;
    if (getAt(out, field.pointer) === undefined) continue;
    if (out === request) out = structuredClone(request);
    setAt(out, field.pointer, structuredClone(field.default));
  }
  return out;
}
