/**
 * A FieldModel in another language: a copy whose labels, descriptions, placeholders, enum labels,
 * x-messages and branch labels come from a SchemaTranslation, with `locale` set so the validator
 * speaks that language too. Text the translation lacks stays as the schema has it (the linter's
 * translation-missing rule lists it). The model given is not changed. O(nodes).
 */
import type { ChoiceNode, FieldModel, FieldNode, ModelNode } from '../FieldModel';
import type { NodeTranslation, SchemaTranslation } from './SchemaTranslation';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Every node of the model with its pointer, branch groups and list items included. */
export function forEachModelNode(model: FieldModel, visit: (node: ModelNode) => void): void {
  const walk = (node: ModelNode): void => {
    visit(node);
    if (node.type === 'group') {
      for (const child of node.children) walk(child);
      if (node.rest) walk(node.rest);
    } else if (node.type === 'list') walk(node.item);
    else if (node.type === 'choice')
      for (const branch of node.branches) for (const c of branch.node.children) walk(c);
  };
  walk(model.root);
}

function apply(node: ModelNode, texts: NodeTranslation): void {
  const target = node as Mutable<ModelNode>;
  if (texts.title !== undefined) target.label = texts.title;
  if (texts.description !== undefined) target.description = texts.description;
  if (node.type === 'field') {
    const field = node as Mutable<FieldNode>;
    if (texts.placeholder !== undefined) field.placeholder = texts.placeholder;
    if (texts.enum && field.enum) {
      const labels = texts.enum;
      field.enumLabels = field.enum.map((v, i) => labels[String(v)] ?? field.enumLabels?.[i] ?? String(v));
    }
  }
  if (texts.messages) {
    const own = node.hints['x-messages'];
    const merged = { ...(typeof own === 'object' && own !== null ? own : {}), ...texts.messages };
    target.hints = { ...node.hints, 'x-messages': merged };
  }
  if (texts.branches && node.type === 'choice') {
    const choice = node as Mutable<ChoiceNode>;
    const labels = texts.branches;
    choice.branches = choice.branches.map((b) => ({ ...b, label: labels[b.id] ?? b.label }));
  }
}

/**
 * The model with the translation's texts in place and `locale` set. The copy keeps the model's
 * shape (structuredClone keeps shared nodes shared), so everything keyed by pointer still works.
 * @example localizeModel(model, {locale: 'fr', texts: {'/sample/thickness': {title: 'Épaisseur'}}})
 */
export function localizeModel(model: FieldModel, translation: SchemaTranslation): FieldModel {
  const copy = structuredClone(model) as Mutable<FieldModel>;
  copy.locale = translation.locale;
  forEachModelNode(copy, (node) => {
    const texts = translation.texts[node.pointer];
    if (texts) apply(node, texts);
  });
  return copy;
}

/** The model marked as being in `locale` (messages in that language, schema text as it is). */
export function withModelLocale(model: FieldModel, locale: string): FieldModel {
  return model.locale === locale ? model : { ...model, locale };
}
