/**
 * Numbers in the user's locale: which character marks decimals (Intl.NumberFormat's own answer, so
 * "fr", "de", "sv", "fr-CH" and "ja" follow CLDR), and the text of a number as that locale writes it
 * ("0,5" in French). Shown without digit grouping and with the shortest round-tripping digits, so a
 * value shown and typed back is the same number. No React, no DOM.
 */

export interface NumberSymbols {
  /** ',' or '.'. */
  readonly decimal: string;
  /** The digit-group separator the locale prints: ',', '.', U+202F (French), U+2019 (Swiss)... */
  readonly group: string;
}

const symbols = new Map<string, NumberSymbols>();

/** The locale's decimal and group separators. O(1) after the first call per locale. */
export function numberSymbolsOf(locale: string | undefined): NumberSymbols {
  const tag = locale ?? 'en';
  let found = symbols.get(tag);
  if (!found) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(tag).formatToParts(12345.5);
    } catch {
      parts = new Intl.NumberFormat('en').formatToParts(12345.5);
    }
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    symbols.set(tag, found);
  }
  return found;
}

/** True when the locale writes decimals with a comma. */
export function usesDecimalComma(locale: string | undefined): boolean {
  return numberSymbolsOf(locale).decimal === ',';
}

/**
 * A number as the user would type it back in `locale`: String()'s shortest round-trip form, with the
 * locale's decimal mark ("0,5", "1,5e-7"). O(digits).
 * @example formatLocaleNumber(1234.5, 'fr') // '1234,5'
 */
export function formatLocaleNumber(value: number, locale: string | undefined): string {
  const text = String(value);
  return usesDecimalComma(locale) ? text.replace('.', ',') : text;
}
