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
/**
 * Formatted messages by locale, key and argument values (numbers and strings only): a list's rows ask
 * for the same words ("Select row 17", "Remove") on every render, and an ICU format with a number in
 * it costs tens of µs (bench:paste profile). Cleared when it holds MEMO_LIMIT entries.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 20_000;
onCatalogueChange(() => {
  compiled.clear();
  memo.clear();
});

/** The memo key of a call, or undefined when a value is not a string or number (a Date, say). */
function memoKey(cacheKey: string, values: MessageValues | undefined): string | undefined {
  if (values === undefined) return cacheKey;
  let key = cacheKey;
  for (const name in values) {
    const value = values[name];
    if (typeof value === 'string') key += `\u0000${name}\u0001${value}`;
    else if (typeof value === 'number') key += `\u0000${name}\u0002${value}`;
    else return undefined;
  }
  return key;
}

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
  const remembered = memoKey(cacheKey, values);
  if (remembered !== undefined) {
    const done = memo.get(remembered);
    if (done !== undefined) return done;
  }
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  const formatted = String(format.format(values as Record<string, string | number | boolean | Date | null>));
  if (remembered !== undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(remembered, formatted);
  }
  return formatted;
}

/** A lookup bound to one locale: t('key', {values}). */
export type Translator = (key: string, values?: MessageValues) => string;

/** The lookup for `locale`. */
export function translator(locale: string | undefined): Translator {
  const tag = normalizeLocale(locale);
  return (key, values) => translate(tag, key, values);
}
