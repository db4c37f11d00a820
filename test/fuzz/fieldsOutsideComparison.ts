/**
 * Which fields a fuzz property leaves at their defaults: a choice's discriminator (the form always holds
 * a valid one: picking a branch sets it and fills that branch's defaults), and the fields of a union
 * without one (another branch may accept a value this field refuses, so the whole request is valid
 * while the field, in the branch the form shows, is not: the form is rightly stricter there).
 */
import { childPointer, type FieldModel } from '../../src/schemas/index';

export function fieldsOutsideComparison(model: FieldModel): (pointer: string) => boolean {
  const discriminators = new Set<string>();
  const undiscriminated: string[] = [];
  for (const node of model.byPointer.values()) {
    if (node.type !== 'choice') continue;
    if (node.discriminator !== undefined) discriminators.add(childPointer(node.pointer, node.discriminator));
    else undiscriminated.push(node.pointer);
  }
  return (pointer) =>
    discriminators.has(pointer) || undiscriminated.some((c) => pointer === c || pointer.startsWith(`${c}/`));
}
