/**
 * The message catalogues: one flat JSON file per language (messages/en.json, messages/fr.json), keys
 * shared by every layer (validation, coercion, widgets, form, CLI). English is complete and is what a
 * key missing in another language falls back to. A facility adds a language with one file: pass it
 * to registerCatalogue (or the embed's messages-src). Framework-free.
 */
import enMessages from './messages/en.json';
import frMessages from './messages/fr.json';

/** Message key -> ICU MessageFormat text. */
export type Catalogue = Readonly<Record<string, string>>;

/** The English catalogue: every key the code uses. */
export const englishCatalogue: Catalogue = enMessages;

const catalogues = new Map<string, Catalogue>([
  ['en', englishCatalogue],
  ['fr', frMessages as Catalogue],
]);
const listeners = new Set<() => void>();

/**
 * Adds (or replaces) a language's catalogue, e.g. registerCatalogue('de', deMessages). Keys it lacks
 * fall back to English; keys English lacks are ignored (checked by test/schemas/i18n).
 */
export function registerCatalogue(language: string, messages: Catalogue): void {
  catalogues.set(language.toLowerCase(), messages);
  for (const listener of listeners) listener();
}

/** Called after registerCatalogue changes a language (compiled messages are dropped). */
export function onCatalogueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The catalogue of a language tag's language ('fr-CH' -> fr), or undefined. */
export function catalogueOf(locale: string): Catalogue | undefined {
  const tag = locale.toLowerCase();
  return catalogues.get(tag) ?? catalogues.get(tag.split('-')[0]!);
}

/** The languages with a catalogue, English first. */
export function catalogueLanguages(): string[] {
  return [...catalogues.keys()];
}
