/**
 * Message catalogues (ICU MessageFormat, one JSON file per language), the locale-scoped lookup the
 * validator uses, and locale-aware list and number words. Framework-free: the CLI uses it too.
 */

export { activeLocale, say, withLocale } from './activeLocale';
export {
  type Catalogue,
  catalogueLanguages,
  catalogueOf,
  englishCatalogue,
  registerCatalogue,
} from './catalogues';
export { listOf } from './listOf';
export { forEachModelNode, localizeModel, withModelLocale } from './localizeModel';
export {
  type NodeTranslation,
  readSchemaTranslation,
  type SchemaTranslation,
  SchemaTranslationError,
} from './SchemaTranslation';
export { type MessageValues, normalizeLocale, type Translator, translate, translator } from './translate';
export {
  staleTranslationKeys,
  type TranslatableText,
  translatableTexts,
  translatedText,
} from './translationTexts';
