/**
 * Field search and orderings: a word index over a FieldModel (FieldIndex), the plain filter it must
 * equal (linearSearch), highlight ranges, and field orderings kept up to date as values change.
 * Internal barrel for src/schemas/index.ts. No DOM, no framework.
 */
export { FieldIndex, type SearchOptions } from './FieldIndex';
export { FieldOrderings, type FieldState, type OrderingName, orderingNames } from './FieldOrderings';
export { findFolded, foldCase } from './foldCase';
export { highlightRanges, type TextRange } from './highlightRanges';
export {
  entryHasPrefix,
  linearSearch,
  parseQuery,
  Rank,
  rankEntry,
  type SearchHit,
  type SearchQuery,
} from './rankEntry';
export { type BranchStep, entryOf, type SearchEntry, searchEntries } from './searchEntries';
export { foldText, type Token, tokenize, words } from './tokenize';
