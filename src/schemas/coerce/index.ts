/**
 * Text-to-value coercion for what scientists type (numbers, run lists, number lists, binning triplets)
 * and back. Framework-free: the widgets, the CLI and a facility's backend share it.
 */
export { type CoerceResult, fail, ok } from './CoerceResult';
export {
  type CoerceTextOptions,
  coerceTextRequest,
  type TextCoercionReport,
  type TextConversion,
  type TextRefusal,
} from './coerceTextRequest';
export { formatLocaleNumber, type NumberSymbols, numberSymbolsOf, usesDecimalComma } from './localeNumber';
export {
  type Binning,
  binCount,
  checkBinning,
  describeBinningStep,
  formatBinning,
  parseBinning,
} from './parseBinning';
export { parseDateTime } from './parseDateTime';
export { formatJsonText, lineAndColumn, parseJsonText } from './parseJsonText';
export { maxRunsOf, parseNumberListField, parseRunListField } from './parseListField';
export { formatNumber, type ParseNumberOptions, parseNumber } from './parseNumber';
export { formatNumberList, type ParseNumberListOptions, parseNumberList } from './parseNumberList';
export { DEFAULT_MAX_RUNS, formatRunList, type ParseRunListOptions, parseRunList } from './parseRunList';
