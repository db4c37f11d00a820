/**
 * What a translation of a model must give, and what in a translation no longer fits the model: the
 * two lists behind the linter's translation-missing and translation-stale rules. Both are keyed like
 * the translation file (field pointer, then title/description/enum value/message keyword/branch id).
 */
import type { FieldModel, ModelNode } from '../FieldModel';
import { forEachModelNode } from './localizeModel';
import type { SchemaTranslation } from './SchemaTranslation';

/** One text of the model a translation should give: where (for locating) and what. */
export interface TranslatableText {
  readonly node: ModelNode;
  /** "title", "description", "placeholder", "enum/<value>", "messages/<keyword>", "branches/<id>". */
  readonly part: string;
  /** The schema's own (or derived) text. */
  readonly text: string;
}

/** Every text of the model a user sees that comes from the schema. O(nodes). */
export function translatableTexts(model: FieldModel): TranslatableText[] {
  const out: TranslatableText[] = [];
  const seen = new Set<string>();
  forEachModelNode(model, (node) => {
    const add = (part: string, text: string | undefined) => {
      const key = `${node.pointer}\u0000${part}`;
      if (text === undefined || text === '' || seen.has(key)) return;
      seen.add(key);
      out.push({ node, part, text });
    };
    add('title', node.label);
    add('description', node.description);
    if (node.type === 'field') {
      add('placeholder', typeof node.hints['ui:placeholder'] === 'string' ? node.placeholder : undefined);
      if (node.enum && node.kind === 'enum')
        node.enum.forEach((v, i) => {
          add(`enum/${String(v)}`, node.enumLabels?.[i] ?? String(v));
        });
    }
    const messages = node.hints['x-messages'];
    if (typeof messages === 'object' && messages !== null)
      for (const [keyword, text] of Object.entries(messages)) add(`messages/${keyword}`, String(text));
    if (node.type === 'choice') for (const b of node.branches) add(`branches/${b.id}`, b.label);
  });
  return out;
}

/** The part of a translation entry that gives `part`, if it does. */
export function translatedText(
  translation: SchemaTranslation,
  pointer: string,
  part: string,
): string | undefined {
  const entry = translation.texts[pointer];
  if (!entry) return undefined;
  const slash = part.indexOf('/');
  if (slash < 0) return entry[part as 'title' | 'description' | 'placeholder'];
  const map = entry[part.slice(0, slash) as 'enum' | 'messages' | 'branches'];
  return map?.[part.slice(slash + 1)];
}

/** Entries of the translation that name nothing in the model: "<pointer>" or "<pointer> <part>". */
export function staleTranslationKeys(model: FieldModel, translation: SchemaTranslation): string[] {
  const wanted = new Set<string>();
  const pointers = new Set<string>();
  for (const t of translatableTexts(model)) {
    pointers.add(t.node.pointer);
    wanted.add(`${t.node.pointer}\u0000${t.part}`);
  }
  forEachModelNode(model, (node) => pointers.add(node.pointer));
  const stale: string[] = [];
  for (const [pointer, entry] of Object.entries(translation.texts)) {
    if (!pointers.has(pointer)) {
      stale.push(pointer);
      continue;
    }
    for (const [key, value] of Object.entries(entry)) {
      const parts =
        typeof value === 'string' ? [key] : Object.keys(value as object).map((k) => `${key}/${k}`);
      // A title or description the schema leaves out is still welcome (a derived label is replaced).
      for (const part of parts)
        if (!wanted.has(`${pointer}\u0000${part}`) && part !== 'description' && part !== 'placeholder')
          stale.push(`${pointer} ${part}`);
    }
  }
  return stale;
}
