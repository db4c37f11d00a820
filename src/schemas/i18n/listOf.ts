/**
 * A list in words in the locale ("A, B, and C" / "A, B et C"; "A or B" / "A ou B") through
 * Intl.ListFormat, instead of joining with English words. Framework-free.
 */

const formats = new Map<string, Intl.ListFormat>();

/** The items joined as the locale writes a list; type 'disjunction' for "or". */
export function listOf(
  locale: string,
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  const key = `${locale}\u0000${type}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { type, style: 'long' });
    formats.set(key, format);
  }
  return format.format(items);
}
