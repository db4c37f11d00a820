/**
 * Looks a message up and formats it with ICU MessageFormat (intl-messageformat): arguments, plurals
 * ({count, plural, one {# value} other {# values}}) and selects in the locale's own rules. Compiled
 * messages are cached per locale and key: a keystroke's message costs a Map lookup and a format.
 * Framework-free: the CLI, the validator and the widgets share it.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogueOf, englishCatalogue, onCatalogueChange } from './catalogues';

/** Values a message may interpolate. */
export type MessageValues = Readonly<Record<string, string | number | boolean | Date | null | undefined>>;

const compiled = new Map<string, IntlMessageFormat>();
/** Messages without arguments, formatted once: a pasted list's 1,000 rows ask for the same words. */
const plain = new Map<string, string>();
onCatalogueChange(() => {
  compiled.clear();
  plain.clear();
});

/** Tags seen, canonicalised once: Intl.getCanonicalLocales cost ~50 µs a call, per widget render. */
const canonical = new Map<string, string>();

/** The locale a tag resolves to for formatting: the tag if Intl knows it, else English. */
export function normalizeLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  let tag = canonical.get(locale);
  if (tag === undefined) {
    try {
      tag = Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      tag = 'en';
    }
    canonical.set(locale, tag);
  }
  return tag;
}

/**
 * The message `key` in `locale`, formatted with `values`. A key the language lacks comes from English;
 * a key English lacks is returned as is (the catalogue test fails on it). O(message length) the first
 * time, then a cached format.
 * @example translate('fr', 'form.problems', {count: 2}) // 'Il y a 2 problèmes dans cette demande'
 */
export function translate(locale: string | undefined, key: string, values?: MessageValues): string {
  const tag = normalizeLocale(locale);
  const own = catalogueOf(tag)?.[key];
  const text = own ?? englishCatalogue[key];
  if (text === undefined) return key;
  const lang = own === undefined ? 'en' : tag;
  const cacheKey = `${lang}\u0000${key}`;
  if (values === undefined) {
    const done = plain.get(cacheKey);
    if (done !== undefined) return done;
  }
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  const formatted = String(format.format(values as Record<string, string | number | boolean | Date | null>));
  if (values === undefined) plain.set(cacheKey, formatted);
  return formatted;
}

/** A lookup bound to one locale: t('key', {values}). */
export type Translator = (key: string, values?: MessageValues) => string;

/** The lookup for `locale`. */
export function translator(locale: string | undefined): Translator {
  const tag = normalizeLocale(locale);
  return (key, values) => translate(tag, key, values);
}
